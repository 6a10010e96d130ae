import { requirePermission } from "@/lib/server/auth/current-user";
import { ImportPage } from "../import-page";

export const dynamic = "force-dynamic";

export default async function ImportContactsPage() {
  const user = await requirePermission("contacts.import");
  return <ImportPage user={user} kind="contacts" />;
}
