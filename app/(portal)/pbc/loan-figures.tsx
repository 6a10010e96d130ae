import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TFigureSums, TLoanFigures } from "@/lib/dashboard/queries/loan-figures";
import { formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { fenToWanYuan } from "@/lib/ranking/indicator-values";
import { quarterParam } from "@/lib/submissions/quarter";

const link = "text-brand-700 underline underline-offset-2";

// Loan figures by bank (chart + table) and by park (table), every quarter handed in so
// far. The chart shows the balance and the increment of each bank in 万元; the tables
// carry the same numbers, and each row opens the quarter's submissions.
export async function LoanFigures({ figures, locale }: { figures: TLoanFigures; locale: TLocale }) {
  const t = await getTranslations("dashboardPbc");
  const quarter = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const latest = figures.quarters[figures.quarters.length - 1]!;
  const banks = figures.byBank.filter((b) => b.year === latest.year && b.quarter === latest.quarter);
  const subs = (w: { year: number; quarter: number }) =>
    `/submissions?quarter=${quarterParam({ year: w.year, quarter: w.quarter as 1 | 2 | 3 | 4 })}`;
  // The same columns after the bank's or the park's name: the quarter (a link to its submissions) and the sums.
  const figureColumns = <Row extends TFigureSums & { year: number; quarter: number }>(): TColumn<Row>[] => [
    {
      key: "quarter",
      header: t("figures.quarter"),
      cell: (r) => (
        <Link href={subs(r)} className={link}>
          {quarter(r)}
        </Link>
      ),
    },
    {
      key: "balance",
      header: t("figures.balance"),
      numeric: true,
      className: "whitespace-nowrap",
      cell: (r) => formatWanYuan(r.balanceFen, locale),
    },
    {
      key: "increment",
      header: t("figures.increment"),
      numeric: true,
      className: "whitespace-nowrap",
      cell: (r) => formatWanYuan(r.incrementFen, locale),
    },
    {
      key: "borrowers",
      header: t("figures.borrowers"),
      numeric: true,
      className: "whitespace-nowrap",
      onCard: false,
      cell: (r) => r.borrowers,
    },
    {
      key: "firstLoans",
      header: t("figures.firstLoans"),
      numeric: true,
      className: "whitespace-nowrap",
      onCard: false,
      cell: (r) => r.firstLoans,
    },
    {
      key: "creditLoans",
      header: t("figures.creditLoans"),
      numeric: true,
      className: "whitespace-nowrap",
      onCard: false,
      cell: (r) => r.creditLoans,
    },
  ];
  return (
    <div className="space-y-4">
      <EChart
        title={t("figures.chartTitle", { quarter: quarter(latest) })}
        height={Math.max(240, banks.length * 28 + 80)}
        option={{
          grid: { left: 150, right: 24, top: 32, bottom: 32 },
          legend: { top: 0, data: [t("figures.balance"), t("figures.increment")] },
          xAxis: { type: "value", name: t("figures.unit") },
          yAxis: { type: "category", inverse: true, data: banks.map((b) => b.bankName), axisLabel: { width: 140, overflow: "truncate" } },
          series: [
            { name: t("figures.balance"), type: "bar", data: banks.map((b) => fenToWanYuan(b.balanceFen)) },
            { name: t("figures.increment"), type: "bar", data: banks.map((b) => fenToWanYuan(b.incrementFen)) },
          ],
        }}
      />
      <DataTable
        caption={t("figures.byBank")}
        rows={figures.byBank}
        rowKey={(b) => `${b.year}-${b.quarter}-${b.bankOrgId}`}
        columns={[
          { key: "bank", header: t("figures.bank"), rowHeader: true, className: "font-normal", cell: (b) => b.bankName },
          ...figureColumns<(typeof figures.byBank)[number]>(),
        ]}
      />
      <DataTable
        caption={t("figures.byPark")}
        rows={figures.byPark}
        rowKey={(p) => `${p.year}-${p.quarter}-${p.parkId}`}
        columns={[
          { key: "park", header: t("figures.park"), rowHeader: true, className: "font-normal", cell: (p) => p.parkName },
          ...figureColumns<(typeof figures.byPark)[number]>(),
        ]}
      />
      <p className="text-sm text-slate-600">{t("figures.definition")}</p>
    </div>
  );
}
