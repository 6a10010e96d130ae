import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/current-user";
import { CreateKeyListForm } from "./create-key-list-form";

export const dynamic = "force-dynamic";

// The finance office draws up a list for a program year: from a tag the enterprises
// carry, or from USCCs pasted from a file.
export default async function NewKeyListPage() {
  await requirePermission("keyLists.manage");
  const t = await getTranslations("keyLists");
  const year = Number(shanghaiDateString(new Date()).slice(0, 4));
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/key-lists" label={t("title")} />
      <PageHeader title={t("form.title")} intro={t("form.intro")} />
      <CreateKeyListForm year={year} />
    </main>
  );
}
