import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { LinkedStat } from "@/components/dashboard/linked-stat";
import { ReplyRateStats } from "@/components/dashboard/reply-rate-stats";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { TBankDashboard } from "@/lib/dashboard/queries/load-bank-dashboard";
import { quarterKeyParam } from "@/lib/dashboard/shared-period";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

const link = "text-brand-700 underline underline-offset-2";

export async function BankDashboard({ data, locale }: { data: TBankDashboard; locale: TLocale }) {
  const [t, tReq, tSub] = await Promise.all([
    getTranslations("dashboardBank"),
    getTranslations("requests"),
    getTranslations("submissions"),
  ]);
  const q = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const none = t("none");
  const { inbox, rates, trend } = data;
  return (
    <>
      <DashboardSection id="due-title" title={t("due.title")} more={{ href: "/bank/inbox", label: t("due.all") }}>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <LinkedStat label={t("due.red")} value={t("count", { count: inbox.red })} href="/bank/inbox" tone="red" />
          <LinkedStat label={t("due.yellow")} value={t("count", { count: inbox.yellow })} href="/bank/inbox" tone="yellow" />
          <LinkedStat label={t("due.normal")} value={t("count", { count: inbox.normal })} href="/bank/inbox" />
        </dl>
        {inbox.top.length === 0 ? (
          <EmptyState title={t("due.emptyTitle")} body={t("due.emptyBody")} />
        ) : (
          <DataTable
            caption={t("due.topCaption")}
            rows={inbox.top}
            rowKey={(i) => i.id}
            columns={[
              {
                key: "serial",
                header: tReq("serial"),
                cell: (i) => (
                  <Link href={`/requests/${i.id}`} className={link}>
                    {i.serial}
                  </Link>
                ),
              },
              { key: "item", header: t("due.item"), cell: (i) => i.title },
              { key: "enterprise", header: tReq("enterprise"), cell: (i) => i.enterpriseName },
              {
                key: "dueAt",
                header: tReq("dueAt"),
                cell: (i) =>
                  i.dueAt && i.deadline ? (
                    <DeadlineBadge
                      tone={i.deadline.tone}
                      workingDaysLeft={i.deadline.workingDaysLeft}
                      dueAt={i.dueAt}
                      provisional={i.dueProvisional}
                    />
                  ) : (
                    none
                  ),
              },
            ]}
          />
        )}
      </DashboardSection>

      <DashboardSection id="rates-title" title={t("rates.title", { quarter: q(data.current) })}>
        {rates === null ? (
          <EmptyState title={t("noProgramTitle")} body={t("noProgramBody")} />
        ) : (
          <>
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <ReplyRateStats namespace="dashboardBank" rates={rates} hrefs={{ reply: "/bank/inbox", onTime: "/bank/inbox" }} />
            </dl>
            <p className="text-sm text-slate-600">{t("rates.definition", { received: rates.received })}</p>
          </>
        )}
      </DashboardSection>

      <DashboardSection
        id="submission-title"
        title={t("submission.title", { quarter: q(data.lastEnded) })}
        more={{ href: `/submissions?quarter=${quarterKeyParam(data.lastEnded)}`, label: t("submission.open") }}
      >
        {data.submissions.length === 0 ? (
          <p className="rounded bg-slate-50 px-3 py-2 text-slate-700">{t("submission.headBank")}</p>
        ) : (
          <DataTable
            caption={t("submission.caption")}
            rows={data.submissions}
            rowKey={(s) => s.bankOrgId}
            columns={[
              {
                key: "bank",
                header: t("submission.bank"),
                cell: (s) => (
                  <Link
                    href={s.submission ? `/submissions/${s.submission.id}` : `/submissions?quarter=${quarterKeyParam(data.lastEnded)}`}
                    className={link}
                  >
                    {s.bankName}
                  </Link>
                ),
              },
              {
                key: "status",
                header: t("submission.status"),
                cell: (s) => (s.submission ? tSub(`status.${s.submission.status}`) : tSub("status.notStarted")),
              },
              { key: "timing", header: t("submission.timing"), cell: (s) => tSub(`lateState.${s.lateState}`) },
              { key: "due", header: t("submission.due"), cell: (s) => formatDate(s.dueAt, locale) },
            ]}
          />
        )}
      </DashboardSection>

      <DashboardSection id="trend-title" title={t("trend.title")} more={{ href: "/rankings/history", label: t("trend.history") }}>
        {!trend || trend.points.length === 0 ? (
          <EmptyState title={t("trend.emptyTitle")} body={t("trend.emptyBody")} />
        ) : (
          <>
            {!trend.ownBank && <p className="text-sm text-slate-700">{t("trend.parentNote", { bank: trend.bankName })}</p>}
            <EChart
              title={t("trend.chartTitle", { bank: trend.bankName })}
              height={240}
              option={{
                grid: { left: 48, right: 48, top: 36, bottom: 32 },
                legend: { top: 0, data: [t("trend.score"), t("trend.rank")] },
                xAxis: { type: "category", data: trend.points.map((p) => q(p)) },
                yAxis: [
                  { type: "value", name: t("trend.score"), min: 0, max: 100 },
                  { type: "value", name: t("trend.rank"), inverse: true, minInterval: 1 },
                ],
                series: [
                  { name: t("trend.score"), type: "line", data: trend.points.map((p) => p.score), label: { show: true }, symbol: "circle" },
                  {
                    name: t("trend.rank"),
                    type: "line",
                    yAxisIndex: 1,
                    data: trend.points.map((p) => p.rank),
                    lineStyle: { type: "dashed" },
                    symbol: "rect",
                  },
                ],
              }}
            >
              <DataTable
                caption={t("trend.tableCaption")}
                rows={trend.points}
                rowKey={(p) => p.rankingId}
                columns={[
                  {
                    key: "quarter",
                    header: t("trend.quarter"),
                    cell: (p) => (
                      <Link href={`/rankings/${p.rankingId}`} className={link}>
                        {q(p)}
                      </Link>
                    ),
                  },
                  { key: "score", header: t("trend.score"), className: "tabular-nums", cell: (p) => p.score.toFixed(2) },
                  { key: "rank", header: t("trend.rank"), className: "tabular-nums", cell: (p) => p.rank },
                ]}
              />
            </EChart>
          </>
        )}
      </DashboardSection>
    </>
  );
}
