import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { TRankingEntryView } from "@/lib/ranking/queries/get-ranking";
import { costReasonText, formatIndicatorValue, num, ruleInWords, score, type TRankingT } from "@/lib/ranking/format";
import { BottomBadge } from "../status-badge";
import { asTranslator } from "@/lib/i18n/translator";

// One bank's breakdown: every indicator's value, its rule in words, the points earned out
// of the maximum, and the items that cost points (links to the item and its ledger).
export async function Breakdown({ entry, costItemsHidden }: { entry: TRankingEntryView; costItemsHidden: boolean }) {
  const [t, ti] = await Promise.all([getTranslations("ranking"), getTranslations("indicators")]);
  const tr: TRankingT = asTranslator(t);
  const headingId = `bank-${entry.bankOrgId}-heading`;
  return (
    <section
      id={`bank-${entry.bankOrgId}`}
      aria-labelledby={headingId}
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-medium">
        {t("detail.breakdownOf", { rank: entry.rank, bank: entry.bankName, score: score(entry.totalScore) })}
        {entry.own && <Badge tone="brand">{t("ownBadge")}</Badge>}
        {entry.bottomList && <BottomBadge label={t("bottomBadge")} />}
      </h3>
      <DataTable
        caption={entry.bankName}
        rows={entry.breakdown}
        rowKey={(row) => row.indicator}
        columns={[
          {
            key: "indicator",
            header: t("columns.indicator"),
            rowHeader: true,
            className: "font-normal whitespace-nowrap",
            cell: (row) => (
              <abbr title={ti(`${row.indicator}.definition`)} className="no-underline">
                {ti(`${row.indicator}.label`)}
              </abbr>
            ),
          },
          {
            key: "value",
            header: t("columns.value"),
            className: "whitespace-nowrap tabular-nums",
            cell: (row) => formatIndicatorValue(row.indicator, row.value, tr),
          },
          {
            key: "rule",
            header: t("columns.rule"),
            className: "text-slate-700",
            onCard: false,
            cell: (row) => ruleInWords(row.indicator, row.rule, tr),
          },
          {
            key: "points",
            header: t("columns.points"),
            className: "whitespace-nowrap tabular-nums",
            cell: (row) => (
              <span className={row.points < row.maxPoints ? "text-red-800" : ""}>
                {t("pointsOf", { points: score(row.points), max: num(row.maxPoints) })}
              </span>
            ),
          },
          {
            key: "costItems",
            header: t("columns.costItems"),
            cell: (row) =>
              row.costItems.length === 0 ? (
                <span className="text-slate-500">{costItemsHidden && row.points < row.maxPoints ? "—" : t("detail.noCostItems")}</span>
              ) : (
                <ul className="space-y-0.5">
                  {row.costItems.map((item) => (
                    <li key={`${item.requestId}-${item.reason}`}>
                      <Link href={`/requests/${item.requestId}`} className="text-brand-700 underline">
                        {item.serial}
                      </Link>
                      <span className="text-slate-600">
                        {t("detail.costItemReason", { reason: costReasonText(asTranslator(ti), item.reason) })}
                      </span>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {costItemsHidden && <p className="text-xs text-slate-500">{t("detail.costItemsHidden")}</p>}
    </section>
  );
}
