import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { LinkedStat } from "@/components/dashboard/linked-stat";
import { RankingSection } from "@/components/dashboard/ranking-section";
import { EmptyState } from "@/components/ui/empty-state";
import { DASHBOARD_STATUSES, type TFinanceDashboard } from "@/lib/dashboard/queries/load-finance-dashboard";
import { quarterKeyParam } from "@/lib/dashboard/shared-period";
import type { TLocale } from "@/lib/i18n/locales";
import { SUPERVISION_TABS } from "@/lib/requests/queries/list-supervision-queue";
import { OverdueMatrix } from "./overdue-matrix";

export async function FinanceDashboard({ data }: { data: TFinanceDashboard; locale: TLocale }) {
  const [t, tReq] = await Promise.all([getTranslations("dashboardFinance"), getTranslations("requests")]);
  const quarter = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const subs = `/submissions?quarter=${quarterKeyParam(data.lastEnded)}`;
  const warnings: { key: string; text: string; href: string }[] = [];
  if (data.calendarMissingYear !== null)
    warnings.push({ key: "calendar", text: t("warnings.calendar", { year: data.calendarMissingYear }), href: "/calendar" });
  if (data.compliance && data.compliance.parksWithoutMainBank.length > 0)
    warnings.push({
      key: "parks",
      text: t("warnings.parks", {
        count: data.compliance.parksWithoutMainBank.length,
        names: data.compliance.parksWithoutMainBank.map((p) => p.name).join("、"),
      }),
      href: "/pairings",
    });
  if (data.compliance && data.compliance.banksWithoutOneOnOne.length > 0)
    warnings.push({
      key: "banks",
      text: t("warnings.oneOnOne", { count: data.compliance.banksWithoutOneOnOne.length }),
      href: "/pairings",
    });
  if (data.submissions && data.submissions.missing > 0)
    warnings.push({
      key: "missing",
      text: t("warnings.submissionsMissing", { count: data.submissions.missing, quarter: quarter(data.lastEnded) }),
      href: `${subs}&status=late`,
    });
  if (data.submissions && data.submissions.late > 0)
    warnings.push({
      key: "late",
      text: t("warnings.submissionsLate", { count: data.submissions.late, quarter: quarter(data.lastEnded) }),
      href: `${subs}&status=late`,
    });

  return (
    <>
      <DashboardSection id="warnings-title" title={t("warnings.title")}>
        {warnings.length === 0 ? (
          <p className="text-slate-700">{t("warnings.none")}</p>
        ) : (
          <ul className="space-y-2">
            {warnings.map((w) => (
              <li key={w.key} className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
                <span className="font-medium">{t("warnings.label")}</span>
                {w.text}{" "}
                <Link href={w.href} className="underline underline-offset-2">
                  {t("warnings.fix")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </DashboardSection>

      <DashboardSection id="states-title" title={t("states.title")} more={{ href: "/requests", label: t("states.all") }}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {DASHBOARD_STATUSES.map((s) => (
            <LinkedStat
              key={s}
              label={tReq(`statuses.${s}`)}
              value={t("count", { count: data.byStatus[s] })}
              href={`/requests?status=${s}`}
            />
          ))}
        </dl>
        <p className="text-sm text-slate-600">{t("states.definition")}</p>
      </DashboardSection>

      <DashboardSection
        id="overdue-title"
        title={t("overdue.title", { count: data.overdue.total })}
        more={{ href: "/supervision", label: t("overdue.open") }}
      >
        {data.overdue.total === 0 ? (
          <EmptyState title={t("overdue.emptyTitle")} body={t("overdue.emptyBody")} />
        ) : (
          <OverdueMatrix matrix={data.overdue} />
        )}
        <p className="text-sm text-slate-600">{t("overdue.definition")}</p>
      </DashboardSection>

      <DashboardSection id="supervision-title" title={t("supervision.title")}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {SUPERVISION_TABS.map((tab) => (
            <LinkedStat
              key={tab}
              label={t(`supervision.${tab}`)}
              value={t("count", { count: data.supervision[tab] })}
              href={tab === "supervision" ? "/supervision" : `/supervision?tab=${tab}`}
            />
          ))}
        </dl>
        <p className="text-sm text-slate-600">{t("supervision.definition")}</p>
      </DashboardSection>

      <RankingSection
        namespace="dashboardFinance"
        title={t("ranking.title", { quarter: quarter(data.lastEnded) })}
        ranking={data.ranking}
      />
    </>
  );
}
