import { renderAreaPage } from "../area-page";

export const dynamic = "force-dynamic";

export default function Page() {
  return renderAreaPage("park");
}
