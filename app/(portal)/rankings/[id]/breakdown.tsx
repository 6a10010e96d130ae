import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TRankingEntryView } from "@/lib/ranking/queries/ranking-detail";
import { costReasonText, formatIndicatorValue, num, ruleInWords, score, type TRankingT } from "@/lib/ranking/queries/ranking-format";
import { BottomBadge } from "../status-badge";
import { asTranslator } from "@/lib/i18n/translator";

// One bank's breakdown: every indicator's value, its rule in words, the points earned out
// of the maximum, and the items that cost points (links to the item and its ledger).
export async function Breakdown({ entry, costItemsHidden }: { entry: TRankingEntryView; costItemsHidden: boolean }) {
  const [t, ti] = await Promise.all([getTranslations("ranking"), getTranslations("indicators")]);
  const tr: TRankingT = asTranslator(t);
  const headingId = `bank-${entry.bankOrgId}-heading`;
  return (
    <section id={`bank-${entry.bankOrgId}`} aria-labelledby={headingId} className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-medium">
        {t("detail.breakdownOf", { rank: entry.rank, bank: entry.bankName, score: score(entry.totalScore) })}
        {entry.own && <span className="rounded bg-brand-100 px-2 py-0.5 text-xs text-brand-900">{t("ownBadge")}</span>}
        {entry.bottomList && <BottomBadge label={t("bottomBadge")} />}
      </h3>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{entry.bankName}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {[t("columns.indicator"), t("columns.value"), t("columns.rule"), t("columns.points"), t("columns.costItems")].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entry.breakdown.map((row) => (
              <tr key={row.indicator}>
                <th scope="row" className="px-3 py-2 font-normal whitespace-nowrap">
                  <abbr title={ti(`${row.indicator}.definition`)} className="no-underline">{ti(`${row.indicator}.label`)}</abbr>
                </th>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatIndicatorValue(row.indicator, row.value, tr)}</td>
                <td className="px-3 py-2 text-slate-700">{ruleInWords(row.indicator, row.rule, tr)}</td>
                <td className={`px-3 py-2 whitespace-nowrap tabular-nums ${row.points < row.maxPoints ? "text-red-800" : ""}`}>
                  {t("pointsOf", { points: score(row.points), max: num(row.maxPoints) })}
                </td>
                <td className="px-3 py-2">
                  {row.costItems.length === 0 ? (
                    <span className="text-slate-500">{costItemsHidden && row.points < row.maxPoints ? "—" : t("detail.noCostItems")}</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {row.costItems.map((item) => (
                        <li key={`${item.requestId}-${item.reason}`}>
                          <Link href={`/requests/${item.requestId}`} className="text-brand-700 underline">{item.serial}</Link>
                          <span className="text-slate-600">{t("detail.costItemReason", { reason: costReasonText(asTranslator(ti), item.reason) })}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {costItemsHidden && <p className="text-xs text-slate-500">{t("detail.costItemsHidden")}</p>}
    </section>
  );
}
