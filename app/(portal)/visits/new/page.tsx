import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { getVisitFormOptions } from "@/lib/visits/queries/get-visit-form-options";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { VisitForm } from "./visit-form";

export const dynamic = "force-dynamic";

export default async function NewVisitPage() {
  const user = await requirePermission("visits.record");
  const [t, options] = await Promise.all([getTranslations("visits"), getVisitFormOptions(db(), user)]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/visits" label={t("back")} />
      <PageHeader title={t("form.title")} intro={t("form.intro")} />
      <VisitForm options={options} side={user.orgKind === "PARK" ? "park" : "bank"} />
    </main>
  );
}
