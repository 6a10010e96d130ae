import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import type { TOverdueMatrix } from "@/lib/dashboard/queries/overdue-matrix";

type TBank = TOverdueMatrix["banks"][number];

// Overdue items by head bank (rows) and park (columns), a card per bank on a phone: cells
// are shaded by count AND show the count, so the colour only repeats what the number says.
// Each count opens the request list filtered to that bank's overdue items in that park.
const SHADES = ["bg-white", "bg-red-50", "bg-red-100", "bg-red-200", "bg-red-300"];

export async function OverdueMatrix({ matrix }: { matrix: TOverdueMatrix }) {
  const t = await getTranslations("dashboardFinance");
  const max = Math.max(1, ...matrix.cells.map((c) => c.count));
  const counts = new Map(matrix.cells.map((c) => [`${c.bankOrgId}/${c.parkId}`, c.count]));
  const count = (b: TBank, parkId: string) => counts.get(`${b.bankOrgId}/${parkId}`) ?? 0;
  const shade = (n: number) => SHADES[n === 0 ? 0 : Math.min(SHADES.length - 1, Math.ceil((n / max) * (SHADES.length - 1)))];
  return (
    <DataTable
      caption={t("overdue.caption")}
      rows={matrix.banks}
      rowKey={(b) => b.bankOrgId}
      columns={[
        { key: "bank", header: t("overdue.bank"), rowHeader: true, className: "font-normal whitespace-nowrap", cell: (b) => b.bankName },
        ...matrix.parks.map((p): TColumn<TBank> => ({
          key: p.parkId,
          header: p.parkName,
          numeric: true,
          cellClassName: (b) => shade(count(b, p.parkId)) ?? "",
          cell: (b) => {
            const n = count(b, p.parkId);
            return n === 0 ? (
              <span className="text-slate-500">0</span>
            ) : (
              <Link
                href={`/requests?overdue=1&bank=${b.bankOrgId}&park=${p.parkId}`}
                className="font-medium text-slate-900 underline underline-offset-2"
                aria-label={t("overdue.cellLabel", { bank: b.bankName, park: p.parkName, count: n })}
              >
                {n}
              </Link>
            );
          },
        })),
        {
          key: "total",
          header: t("overdue.total"),
          numeric: true,
          className: "font-semibold",
          cell: (b) => (
            <Link href={`/requests?overdue=1&bank=${b.bankOrgId}`} className="text-brand-700 underline underline-offset-2">
              {b.total}
            </Link>
          ),
        },
      ]}
    />
  );
}
