import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { halfYearOf } from "@/lib/dashboard/park-visits";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { readVisitMatrix, type TVisitMatrixCell } from "@/lib/visits/queries/read-visit-matrix";
import type { TVisitCellState } from "@/lib/visits/rules";
import { db } from "@/lib/server/db";

const TONE: Record<TVisitCellState, TBadgeTone> = { visited: "ok", flagged: "warn", pending: "info", notVisited: "danger" };

type TParkRow = { parkId: string; parkName: string; cells: Map<string, TVisitMatrixCell> };

/**
 * The half-year's park × bank visit matrix (read by one grouped statement): a row per
 * park, a column per bank paired with any park, each paired cell visited / flagged /
 * to confirm / not visited.
 */
export async function VisitMatrixSection({ now = new Date() }: { now?: Date }) {
  const t = await getTranslations("visits.matrix");
  const half = halfYearOf(now);
  const program = await getCurrentProgram(db(), half.year, now);
  const cells = program ? await readVisitMatrix(db(), program.id, half) : [];
  const banks = new Map<string, string>();
  const parks = new Map<string, TParkRow>();
  for (const c of cells) {
    banks.set(c.bankOrgId, c.bankName);
    const row = parks.get(c.parkId) ?? { parkId: c.parkId, parkName: c.parkName, cells: new Map() };
    row.cells.set(c.bankOrgId, c);
    parks.set(c.parkId, row);
  }
  const bankColumns = [...banks.entries()].sort((a, b) => a[1].localeCompare(b[1], "zh-CN"));
  const visited = cells.filter((c) => c.state === "visited").length;
  return (
    <section aria-labelledby="visit-matrix-title" className="space-y-3" data-testid="visit-matrix">
      <h2 id="visit-matrix-title" className="text-lg font-medium">
        <Link href="/visits" className={linkClass}>
          {t("title")}
        </Link>
      </h2>
      <p className="text-sm text-slate-600">
        {t("intro", { year: half.year, half: t(half.half === 1 ? "h1" : "h2") })} {t("summary", { visited, total: cells.length })}
      </p>
      {cells.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <DataTable<TParkRow>
          caption={t("title")}
          rows={[...parks.values()]}
          rowKey={(r) => r.parkId}
          columns={[
            { key: "park", header: t("park"), rowHeader: true, cell: (r) => r.parkName },
            ...bankColumns.map(([bankId, bankName]) => ({
              key: bankId,
              header: bankName,
              onCard: true,
              cell: (r: TParkRow) => {
                const c = r.cells.get(bankId);
                return c ? (
                  <Badge tone={TONE[c.state]} testId={`visit-cell-${c.state}`}>
                    {t(`states.${c.state}`)}
                  </Badge>
                ) : (
                  <span className="text-slate-400">{t("notPaired")}</span>
                );
              },
            })),
          ]}
        />
      )}
    </section>
  );
}
