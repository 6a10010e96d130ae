import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/locales";
import { loadBankDashboard } from "@/lib/dashboard/queries/load-bank-dashboard";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { BankDashboard } from "./bank-dashboard";
import { TargetProgressSection } from "../target-progress-section";
import { AnnualResultSection } from "../annual-result-section";
import { SummonsHistorySection } from "./summons-history-section";
import { PageHeader } from "@/components/ui/page-header";
import { KeyListCoverageSection } from "../key-list-coverage-section";

export const dynamic = "force-dynamic";

// The bank liaison's morning page: what is due (lib/dashboard/queries/load-bank-dashboard.ts decides the numbers).
export default async function Page() {
  const user = await requirePermission("dashboard.bank");
  const [data, tAreas, locale] = await Promise.all([
    loadBankDashboard(db(), user),
    getTranslations("areas"),
    getLocale().then(resolveLocale),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader title={tAreas("bank")} />
      <BankDashboard data={data} locale={locale} />
      <TargetProgressSection user={user} view="bank" />
      <AnnualResultSection user={user} view="bank" />
      <SummonsHistorySection user={user} />
      <KeyListCoverageSection user={user} />
    </main>
  );
}
