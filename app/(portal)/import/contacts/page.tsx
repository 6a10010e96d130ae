import { requirePermission } from "@/lib/server/auth/current-user";
import { ImportPage } from "../import-page";

export const dynamic = "force-dynamic";

export default async function ImportContactsPage() {
  await requirePermission("contacts.import");
  return <ImportPage kind="contacts" />;
}
