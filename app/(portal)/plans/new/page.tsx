import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPlanFormOptions } from "@/lib/plans/queries/get-plan-form-options";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PlanForm } from "../plan-form";

export const dynamic = "force-dynamic";

// The main bank drafts the year's plan for one of its parks (those without a plan yet).
export default async function NewPlanPage() {
  const user = await requirePermission("plans.draft");
  const [t, options] = await Promise.all([getTranslations("plans"), getPlanFormOptions(db(), user)]);
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/plans" label={t("page.back")} />
      <PageHeader title={t("new")} intro={t("intro")} />
      {options.year === null ? (
        <EmptyState title={t("form.noProgramTitle")} body={t("form.noProgramBody")} />
      ) : options.parks.length === 0 ? (
        <EmptyState title={t("form.noParks")} body={t("emptyBody")} />
      ) : (
        <PlanForm
          mode="start"
          title={t("form.titleNew", { year: options.year })}
          parks={options.parks}
          products={options.products}
          initial={{}}
        />
      )}
    </main>
  );
}
