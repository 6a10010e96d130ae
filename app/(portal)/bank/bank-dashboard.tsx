import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { percentText } from "@/components/dashboard/format";
import { LinkedStat } from "@/components/dashboard/linked-stat";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { TBankDashboard } from "@/lib/dashboard/bank";
import { quarterKeyParam } from "@/lib/dashboard/shared-period";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

const td = "px-3 py-2 align-top";
const link = "text-brand-700 underline underline-offset-2";

export async function BankDashboard({ data, locale }: { data: TBankDashboard; locale: TLocale }) {
  const [t, tReq, tSub] = await Promise.all([getTranslations("dashboardBank"), getTranslations("requests"), getTranslations("submissions")]);
  const q = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const none = t("none");
  const { inbox, rates, trend } = data;
  return (
    <>
      <DashboardSection id="due-title" title={t("due.title")} action={<Link href="/bank/inbox" className={link}>{t("due.all")}</Link>}>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <LinkedStat label={t("due.red")} value={t("count", { count: inbox.red })} href="/bank/inbox" tone="red" />
          <LinkedStat label={t("due.yellow")} value={t("count", { count: inbox.yellow })} href="/bank/inbox" tone="yellow" />
          <LinkedStat label={t("due.normal")} value={t("count", { count: inbox.normal })} href="/bank/inbox" />
        </dl>
        {inbox.top.length === 0 ? (
          <EmptyState title={t("due.emptyTitle")} body={t("due.emptyBody")} />
        ) : (
          <Table caption={t("due.topCaption")} head={[tReq("serial"), t("due.item"), tReq("enterprise"), tReq("dueAt")]}>
            {inbox.top.map((i) => (
              <tr key={i.id}>
                <td className={td}><Link href={`/requests/${i.id}`} className={link}>{i.serial}</Link></td>
                <td className={td}>{i.title}</td>
                <td className={td}>{i.enterpriseName}</td>
                <td className={td}>{i.dueAt && i.deadline ? <DeadlineBadge tone={i.deadline.tone} workingDaysLeft={i.deadline.workingDaysLeft} dueAt={i.dueAt} provisional={i.dueProvisional} /> : none}</td>
              </tr>
            ))}
          </Table>
        )}
      </DashboardSection>

      <DashboardSection id="rates-title" title={t("rates.title", { quarter: q(data.current) })}>
        {rates === null ? (
          <EmptyState title={t("noProgramTitle")} body={t("noProgramBody")} />
        ) : (
          <>
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <LinkedStat label={t("rates.reply")} value={percentText(rates.replyRate, none)} href="/bank/inbox"
                note={t("rates.replyNote", { answered: rates.answered, owed: rates.owed })} />
              <LinkedStat label={t("rates.onTime")} value={percentText(rates.onTimeReplyRate, none)} href="/bank/inbox"
                note={t("rates.onTimeNote", { onTime: rates.onTime, owed: rates.owed })} />
            </dl>
            <p className="text-sm text-slate-600">{t("rates.definition", { received: rates.received })}</p>
          </>
        )}
      </DashboardSection>

      <DashboardSection id="submission-title" title={t("submission.title", { quarter: q(data.lastEnded) })}
        action={<Link href={`/submissions?quarter=${quarterKeyParam(data.lastEnded)}`} className={link}>{t("submission.open")}</Link>}>
        {data.submissions.length === 0 ? (
          <p className="rounded bg-slate-50 px-3 py-2 text-slate-700">{t("submission.headBank")}</p>
        ) : (
          <Table caption={t("submission.caption")} head={[t("submission.bank"), t("submission.status"), t("submission.timing"), t("submission.due")]}>
            {data.submissions.map((s) => (
              <tr key={s.bankOrgId}>
                <td className={td}>
                  <Link href={s.submission ? `/submissions/${s.submission.id}` : `/submissions?quarter=${quarterKeyParam(data.lastEnded)}`} className={link}>{s.bankName}</Link>
                </td>
                <td className={td}>{s.submission ? tSub(`status.${s.submission.status}`) : tSub("status.notStarted")}</td>
                <td className={td}>{tSub(`lateState.${s.lateState}`)}</td>
                <td className={td}>{formatDate(s.dueAt, locale)}</td>
              </tr>
            ))}
          </Table>
        )}
      </DashboardSection>

      <DashboardSection id="trend-title" title={t("trend.title")} action={<Link href="/rankings/history" className={link}>{t("trend.history")}</Link>}>
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
                yAxis: [{ type: "value", name: t("trend.score"), min: 0, max: 100 }, { type: "value", name: t("trend.rank"), inverse: true, minInterval: 1 }],
                series: [
                  { name: t("trend.score"), type: "line", data: trend.points.map((p) => p.score), label: { show: true }, symbol: "circle" },
                  { name: t("trend.rank"), type: "line", yAxisIndex: 1, data: trend.points.map((p) => p.rank), lineStyle: { type: "dashed" }, symbol: "rect" },
                ],
              }}
            >
              <Table caption={t("trend.tableCaption")} head={[t("trend.quarter"), t("trend.score"), t("trend.rank")]}>
                {trend.points.map((p) => (
                  <tr key={p.rankingId}>
                    <td className={td}><Link href={`/rankings/${p.rankingId}`} className={link}>{q(p)}</Link></td>
                    <td className={`${td} tabular-nums`}>{p.score.toFixed(2)}</td>
                    <td className={`${td} tabular-nums`}>{p.rank}</td>
                  </tr>
                ))}
              </Table>
            </EChart>
          </>
        )}
      </DashboardSection>
    </>
  );
}
