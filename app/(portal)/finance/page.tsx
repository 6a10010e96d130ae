import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/locales";
import { loadFinanceDashboard } from "@/lib/dashboard/queries/load-finance-dashboard";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { FinanceDashboard } from "./finance-dashboard";
import { TargetProgressSection } from "../target-progress-section";
import { AnnualResultSection } from "../annual-result-section";
import { VisitMatrixSection } from "./visit-matrix-section";
import { PageHeader } from "@/components/ui/page-header";
import { KeyListCoverageSection } from "../key-list-coverage-section";

export const dynamic = "force-dynamic";

// The finance office's morning page: where items are stuck (lib/dashboard/queries/load-finance-dashboard.ts decides the numbers).
export default async function Page() {
  const user = await requirePermission("dashboard.finance");
  const [data, tAreas, locale] = await Promise.all([
    loadFinanceDashboard(db(), user),
    getTranslations("areas"),
    getLocale().then(resolveLocale),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader title={tAreas("finance")} />
      <FinanceDashboard data={data} locale={locale} />
      <TargetProgressSection user={user} view="finance" />
      <AnnualResultSection user={user} view="finance" />
      <VisitMatrixSection />
      <KeyListCoverageSection user={user} />
    </main>
  );
}
