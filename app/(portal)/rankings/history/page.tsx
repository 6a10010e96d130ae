import { getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/line-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/select-field";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { isUuid } from "@/lib/ids";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";
import { areaOfRole } from "@/lib/auth/areas";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { periodAggregates, type TAggregate } from "@/lib/ranking/history-aggregates";
import { rankingHistory } from "@/lib/ranking/queries/ranking-history";
import { score } from "@/lib/ranking/format";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export default async function RankingHistoryPage({ searchParams }: { searchParams: Promise<{ bank?: string }> }) {
  const user = await requirePermission("rankings.read");
  const t = await getTranslations("ranking");
  const program = await getCurrentProgram(db());
  const history = program ? await rankingHistory(db(), user, program.id) : { quarters: [], banks: [] };
  const { bank } = await searchParams;
  const own = areaOfRole(user.role) === "bank" ? new Set(await bankWithDescendants(db(), user.orgId)) : new Set<string>();
  const selected = isUuid(bank) && history.banks.some((b) => b.bankOrgId === bank) ? bank : null;
  // One bank's lines stand out: the chosen one, else a bank user's own.
  const highlighted = (id: string) => (selected ? id === selected : own.has(id));
  const shown = selected ? history.banks.filter((b) => b.bankOrgId === selected) : history.banks;
  const xLabels = history.quarters.map((q) => t("quarterLabel", { year: q.year, quarter: t(`quarterWords.${q.quarter}`) }));
  const maxRank = Math.max(1, ...history.banks.flatMap((b) => b.points.map((p) => p?.rank ?? 1)));
  const periodTitle = (a: TAggregate) =>
    `${a.kind === "half" ? t("history.half", { year: a.year, half: String(a.half) }) : t("history.year", { year: a.year })}${a.complete ? "" : t("history.running", { n: a.quartersPublished })}`;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("history.title")} intro={t("history.intro")} />
      {!program || history.quarters.length === 0 ? (
        <EmptyState title={t("history.title")} body={program ? t("history.none") : t("noProgram")} />
      ) : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <SelectField
              name="bank"
              label={t("history.bank")}
              defaultValue={selected ?? ""}
              placeholder={t("history.allBanks")}
              options={history.banks.map((b) => ({ value: b.bankOrgId, label: b.bankName }))}
              className="w-80"
            />
            <Button type="submit">{t("history.show")}</Button>
          </form>
          <LineChart
            title={t("history.scoreChart")}
            description={t("history.scoreChartDesc")}
            tableCaption={t("history.dataTable")}
            xLabels={xLabels}
            series={shown.map((b) => ({
              name: b.bankName,
              values: b.points.map((p) => p?.score ?? null),
              highlight: highlighted(b.bankOrgId),
            }))}
            yMin={0}
            yMax={100}
            format={score}
          />
          <LineChart
            title={t("history.rankChart")}
            description={t("history.rankChartDesc")}
            tableCaption={t("history.dataTable")}
            xLabels={xLabels}
            series={shown.map((b) => ({
              name: b.bankName,
              values: b.points.map((p) => p?.rank ?? null),
              highlight: highlighted(b.bankOrgId),
            }))}
            yMin={1}
            yMax={maxRank}
            invertY
            format={(v) => String(Math.round(v))}
          />

          <section aria-labelledby="aggregates" className="space-y-3">
            <h2 id="aggregates" className="text-lg font-medium">
              {t("history.aggregatesTitle")}
            </h2>
            <p className="max-w-prose text-sm text-slate-600">{t("history.aggregatesDefinition")}</p>
            {periodAggregates(history).map((a) => (
              <div key={`${a.kind}-${a.year}-${a.half}`} className="space-y-2">
                <h3 className="font-medium">{periodTitle(a)}</h3>
                <DataTable
                  caption={periodTitle(a)}
                  rows={a.rows}
                  rowKey={(r) => r.bankOrgId}
                  rowClassName={(r) => (highlighted(r.bankOrgId) ? "bg-brand-50" : "")}
                  columns={[
                    { key: "rank", header: t("columns.rank"), className: "tabular-nums", cell: (r) => r.rank },
                    { key: "bank", header: t("columns.bank"), rowHeader: true, className: "font-normal", cell: (r) => r.bankName },
                    {
                      key: "averageScore",
                      header: t("columns.averageScore"),
                      className: "tabular-nums",
                      cell: (r) => score(r.averageScore),
                    },
                    { key: "quarters", header: t("columns.quarters"), className: "tabular-nums", cell: (r) => r.quartersCounted },
                  ]}
                />
              </div>
            ))}
          </section>
        </>
      )}
    </main>
  );
}
