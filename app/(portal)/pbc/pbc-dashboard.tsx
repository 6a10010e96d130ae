import { getTranslations } from "next-intl/server";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { percentText } from "@/components/dashboard/format";
import { LinkedStat } from "@/components/dashboard/linked-stat";
import { ReplyRateStats } from "@/components/dashboard/reply-rate-stats";
import { RankingSection } from "@/components/dashboard/ranking-section";
import { EmptyState } from "@/components/ui/empty-state";
import type { TPbcDashboard } from "@/lib/dashboard/queries/load-pbc-dashboard";
import type { TQuarterRates } from "@/lib/dashboard/shared-rates";
import type { TLocale } from "@/lib/i18n/locales";
import { LoanFigures } from "./loan-figures";

export async function PbcDashboard({ data, locale }: { data: TPbcDashboard; locale: TLocale }) {
  const t = await getTranslations("dashboardPbc");
  const quarter = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const none = t("none");
  const rateStats = (r: TQuarterRates) => (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
      <ReplyRateStats namespace="dashboardPbc" rates={r} hrefs={{ reply: "/requests?status=ANSWERED", onTime: "/supervision" }} />
      <LinkedStat
        label={t("rates.financing")}
        value={percentText(r.financingSatisfactionRate, none)}
        href="/requests?type=FINANCING"
        note={t("rates.financingNote", { granted: r.financingGranted, answered: r.financingAnswered })}
      />
      <LinkedStat
        label={t("rates.satisfaction")}
        value={percentText(r.enterpriseSatisfactionRate, none)}
        href="/requests?status=CLOSED"
        note={t("rates.satisfactionNote", { satisfied: r.satisfied, rated: r.rated })}
      />
    </dl>
  );
  return (
    <>
      <DashboardSection id="figures-title" title={t("figures.title")} more={{ href: "/submissions", label: t("figures.open") }}>
        {data.figures.byBank.length === 0 ? (
          <EmptyState title={t("figures.emptyTitle")} body={t("figures.emptyBody")} />
        ) : (
          <LoanFigures figures={data.figures} locale={locale} />
        )}
      </DashboardSection>

      <DashboardSection id="rates-title" title={t("rates.title")}>
        {data.rates === null ? (
          <EmptyState title={t("noProgramTitle")} body={t("noProgramBody")} />
        ) : (
          <>
            <h3 className="font-medium">{t("rates.current", { quarter: quarter(data.current) })}</h3>
            {rateStats(data.rates.current)}
            <h3 className="font-medium">{t("rates.last", { quarter: quarter(data.lastEnded) })}</h3>
            {rateStats(data.rates.lastEnded)}
            <p className="text-sm text-slate-600">{t("rates.definition")}</p>
          </>
        )}
      </DashboardSection>

      <RankingSection namespace="dashboardPbc" title={t("ranking.title")} ranking={data.ranking} />
    </>
  );
}
