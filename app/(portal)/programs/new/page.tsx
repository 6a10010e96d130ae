import { getTranslations } from "next-intl/server";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/current-user";
import { CreateProgramForm } from "../create-program-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export default async function NewProgramPage() {
  await requirePermission("programs.manage");
  const t = await getTranslations("programs");
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/programs" label={t("backToList")} />
      <PageHeader title={t("form.title")} intro={t("form.intro")} />
      <CreateProgramForm defaultYear={Number(shanghaiDateString(new Date()).slice(0, 4))} />
    </main>
  );
}
