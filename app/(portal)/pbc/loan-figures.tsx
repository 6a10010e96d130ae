import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { Table } from "@/components/ui/table";
import type { TFigureSums, TLoanFigures } from "@/lib/dashboard/pbc-loan-figures";
import { formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { fenToWanYuan } from "@/lib/ranking/indicator-values";
import { quarterParam } from "@/lib/submissions/quarter";

const td = "px-3 py-2 align-top";
const num = `${td} text-right tabular-nums whitespace-nowrap`;
const link = "text-brand-700 underline underline-offset-2";

// Loan figures by bank (chart + table) and by park (table), every quarter handed in so
// far. The chart shows the balance and the increment of each bank in 万元; the tables
// carry the same numbers, and each row opens the quarter's submissions.
export async function LoanFigures({ figures, locale }: { figures: TLoanFigures; locale: TLocale }) {
  const t = await getTranslations("dashboardPbc");
  const quarter = (w: { year: number; quarter: number }) => t("quarter", { year: w.year, quarter: w.quarter });
  const latest = figures.quarters[figures.quarters.length - 1]!;
  const banks = figures.byBank.filter((b) => b.year === latest.year && b.quarter === latest.quarter);
  const subs = (w: { year: number; quarter: number }) => `/submissions?quarter=${quarterParam({ year: w.year, quarter: w.quarter as 1 | 2 | 3 | 4 })}`;
  const head = [t("figures.quarter"), t("figures.balance"), t("figures.increment"), t("figures.borrowers"), t("figures.firstLoans"), t("figures.creditLoans")];
  const cells = (s: TFigureSums) => (
    <>
      <td className={num}>{formatWanYuan(s.balanceFen, locale)}</td>
      <td className={num}>{formatWanYuan(s.incrementFen, locale)}</td>
      <td className={num}>{s.borrowers}</td>
      <td className={num}>{s.firstLoans}</td>
      <td className={num}>{s.creditLoans}</td>
    </>
  );
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
      <Table caption={t("figures.byBank")} head={[t("figures.bank"), ...head]}>
        {figures.byBank.map((b) => (
          <tr key={`${b.year}-${b.quarter}-${b.bankOrgId}`}>
            <th scope="row" className={`${td} text-left font-normal`}>{b.bankName}</th>
            <td className={td}><Link href={subs(b)} className={link}>{quarter(b)}</Link></td>
            {cells(b)}
          </tr>
        ))}
      </Table>
      <Table caption={t("figures.byPark")} head={[t("figures.park"), ...head]}>
        {figures.byPark.map((p) => (
          <tr key={`${p.year}-${p.quarter}-${p.parkId}`}>
            <th scope="row" className={`${td} text-left font-normal`}>{p.parkName}</th>
            <td className={td}><Link href={subs(p)} className={link}>{quarter(p)}</Link></td>
            {cells(p)}
          </tr>
        ))}
      </Table>
      <p className="text-sm text-slate-600">{t("figures.definition")}</p>
    </div>
  );
}
