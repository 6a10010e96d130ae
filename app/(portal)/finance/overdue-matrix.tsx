import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TOverdueMatrix } from "@/lib/dashboard/finance-overdue-matrix";

// Overdue items by head bank (rows) and park (columns): a table whose cells are shaded by
// count AND show the count, so the colour only repeats what the number says. The request
// list cannot filter by bank or park, so each cell opens the supervision queue, where the
// overdue items are listed with their bank and park.
const SHADES = ["bg-white", "bg-red-50", "bg-red-100", "bg-red-200", "bg-red-300"];

export async function OverdueMatrix({ matrix }: { matrix: TOverdueMatrix }) {
  const t = await getTranslations("dashboardFinance");
  const max = Math.max(1, ...matrix.cells.map((c) => c.count));
  const cell = new Map(matrix.cells.map((c) => [`${c.bankOrgId}/${c.parkId}`, c.count]));
  const shade = (n: number) => SHADES[n === 0 ? 0 : Math.min(SHADES.length - 1, Math.ceil((n / max) * (SHADES.length - 1)))];
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("overdue.caption")}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">{t("overdue.bank")}</th>
            {matrix.parks.map((p) => (
              <th key={p.parkId} scope="col" className="px-2 py-2 text-center font-medium whitespace-nowrap">{p.parkName}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-center font-medium">{t("overdue.total")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {matrix.banks.map((b) => (
            <tr key={b.bankOrgId}>
              <th scope="row" className="px-3 py-2 text-left font-normal whitespace-nowrap">{b.bankName}</th>
              {matrix.parks.map((p) => {
                const n = cell.get(`${b.bankOrgId}/${p.parkId}`) ?? 0;
                return (
                  <td key={p.parkId} className={`px-2 py-2 text-center tabular-nums ${shade(n)}`}>
                    {n === 0 ? <span className="text-slate-500">0</span> : (
                      <Link href={`/requests?overdue=1&bank=${b.bankOrgId}&park=${p.parkId}`} className="font-medium text-slate-900 underline underline-offset-2"
                        aria-label={t("overdue.cellLabel", { bank: b.bankName, park: p.parkName, count: n })}>{n}</Link>
                    )}
                  </td>
                );
              })}
              <td className="px-3 py-2 text-center font-semibold tabular-nums">
                <Link href={`/requests?overdue=1&bank=${b.bankOrgId}`} className="text-brand-700 underline underline-offset-2">{b.total}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
