import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TRankedBankLine, TRankingSummary } from "@/lib/dashboard/queries/summarise-ranking";

// A stored ranking in brief (finance office: the quarter's draft; central bank: the one
// under review): status and reviews in words, top three and bottom list, a link to it.
export async function RankingSummaryCard({ ranking }: { ranking: TRankingSummary }) {
  const [t, tRank] = await Promise.all([getTranslations("dashboardFinance"), getTranslations("ranking")]);
  const reviewed = (done: boolean) => (done ? t("ranking.reviewed") : t("ranking.notReviewed"));
  const list = (rows: TRankedBankLine[]) => (
    <ol className="space-y-1">
      {rows.map((e) => (
        <li key={e.bankOrgId} className="flex justify-between gap-3">
          <span>{t("ranking.line", { rank: e.rank, bank: e.bankName })}</span>
          <span className="tabular-nums">{t("ranking.score", { score: e.totalScore })}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <p>
        <Link href={`/rankings/${ranking.id}`} className="font-medium text-brand-700 underline underline-offset-2">
          {t("quarter", { year: ranking.year, quarter: ranking.quarter })} · {tRank(`status.${ranking.status}`)}
        </Link>
      </p>
      <p className="text-sm text-slate-700">
        {t("ranking.reviews", { finance: reviewed(ranking.financeReviewed), pbc: reviewed(ranking.pbcReviewed), banks: ranking.banks })}
        {ranking.notFiled > 0 && t("ranking.notFiled", { count: ranking.notFiled })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("ranking.top")}</h3>
          {list(ranking.top)}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("ranking.bottom")}</h3>
          {ranking.bottom.length === 0 ? <p className="text-sm text-slate-600">{t("ranking.noBottom")}</p> : list(ranking.bottom)}
        </div>
      </div>
    </div>
  );
}
