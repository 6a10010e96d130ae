import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram, getCurrentRuleVersion } from "@/lib/programs/queries/get-current-program";
import { quarterEndsAt } from "@/lib/ranking/mutations/lock-quarter";
import { listRankings } from "@/lib/ranking/queries/list-rankings";
import { getCurrentRuleSet } from "@/lib/ranking/queries/list-rule-sets";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { StatusBadge } from "./status-badge";
import { ComputeAnnualButton, ComputeButton } from "./workflow-buttons";

export const dynamic = "force-dynamic";

export default async function RankingsPage() {
  const user = await requirePermission("rankings.read");
  const [t, locale] = await Promise.all([getTranslations("ranking"), getLocale()]);
  const program = await getCurrentProgram(db());
  const rankings = program ? await listRankings(db(), user, program.id) : [];
  const annuals = program ? await listRankings(db(), user, program.id, "YEAR") : [];
  const bottomListSize = program ? ((await getCurrentRuleVersion(db(), program.id))?.bottomListSize ?? 5) : 5;
  const hasAnnualRules = program && can(user.role, "rankings.publish") ? Boolean(await getCurrentRuleSet(db(), program.id, "YEAR")) : true;
  const isBank = areaOfRole(user.role) === "bank";
  const mayCompute = can(user.role, "rankings.publish");
  const now = new Date();
  const quarterLabel = (year: number, quarter: number) => t("quarterLabel", { year, quarter: t(`quarterWords.${quarter}`) });
  // A quarter of the current program: its latest ranking, whether it has ended, and the status shown.
  const quarterState = (q: 1 | 2 | 3 | 4) => {
    const latest = program ? rankings.find((r) => r.year === program.year && r.quarter === q) : undefined;
    const ended = program ? now >= quarterEndsAt(program.year, q) : false;
    return { latest, ended, status: latest?.status ?? (ended ? "NONE" : "RUNNING") } as const;
  };
  const annualOfYear = program ? annuals.find((r) => r.year === program.year) : undefined;
  const yearEnded = program ? now >= quarterEndsAt(program.year, 4) : false;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={isBank ? t("bankIntro") : t("intro")} />
      {!program ? (
        <EmptyState title={t("title")} body={t("noProgram")} />
      ) : (
        <>
          <p className="text-slate-700">{t("programLine", { program: program.name })}</p>
          <Link href="/rankings/history" className="inline-block text-brand-700 underline-offset-2 hover:underline">
            {t("list.historyLink")}
          </Link>

          {!isBank && (
            <section aria-labelledby="quarters" className="space-y-3">
              <h2 id="quarters" className="text-lg font-medium">
                {t("list.quartersTitle")}
              </h2>
              <DataTable
                caption={t("list.quartersTitle")}
                rows={[1, 2, 3, 4] as const}
                rowKey={(q) => String(q)}
                rowTestId={(q) => `quarter-${q}`}
                columns={[
                  {
                    key: "quarter",
                    header: t("columns.quarter"),
                    rowHeader: true,
                    className: "whitespace-nowrap",
                    cell: (q) => quarterLabel(program.year, q),
                  },
                  {
                    key: "status",
                    header: t("columns.status"),
                    cell: (q) => <StatusBadge status={quarterState(q).status} label={t(`status.${quarterState(q).status}`)} />,
                  },
                  {
                    key: "actions",
                    header: t("columns.actions"),
                    cell: (q) => {
                      const { latest, ended } = quarterState(q);
                      return (
                        <div className="flex flex-wrap items-start gap-3">
                          {latest && (
                            <Link href={`/rankings/${latest.id}`} className="text-brand-700 underline">
                              {t("view")}
                            </Link>
                          )}
                          {mayCompute && ended && latest?.status !== "PUBLISHED" && (
                            <ComputeButton programId={program.id} year={program.year} quarter={q} recompute={Boolean(latest)} />
                          )}
                        </div>
                      );
                    },
                  },
                ]}
              />
            </section>
          )}

          <section aria-labelledby="ranking-list" className="space-y-3">
            <h2 id="ranking-list" className="text-lg font-medium">
              {t("list.rankingsTitle")}
            </h2>
            {rankings.length === 0 ? (
              <p className="text-slate-600">{isBank ? t("list.noneBank") : t("list.none")}</p>
            ) : (
              <DataTable
                caption={t("list.rankingsTitle")}
                rows={rankings}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: "quarter",
                    header: t("columns.quarter"),
                    rowHeader: true,
                    className: "whitespace-nowrap",
                    cell: (r) => (
                      <Link href={`/rankings/${r.id}`} className="text-brand-700 underline">
                        {quarterLabel(r.year, r.quarter)}
                      </Link>
                    ),
                  },
                  {
                    key: "status",
                    header: t("columns.status"),
                    cell: (r) => <StatusBadge status={r.status} label={t(`status.${r.status}`)} />,
                  },
                  {
                    key: "ruleSet",
                    header: t("columns.ruleSet"),
                    className: "whitespace-nowrap",
                    onCard: false,
                    cell: (r) => t("versionLabel", { version: r.ruleSetVersion }),
                  },
                  {
                    key: "reviews",
                    header: t("columns.reviews"),
                    className: "text-sm",
                    cell: (r) => (
                      <>
                        <div>{t("reviewState.finance", { state: t(`reviewState.${r.financeReviewed ? "done" : "pending"}`) })}</div>
                        <div>{t("reviewState.pbc", { state: t(`reviewState.${r.pbcReviewed ? "done" : "pending"}`) })}</div>
                      </>
                    ),
                  },
                  {
                    key: "publishedAt",
                    header: t("columns.publishedAt"),
                    className: "whitespace-nowrap",
                    cell: (r) => (r.publishedAt ? formatDateTime(r.publishedAt, resolveLocale(locale)) : "—"),
                  },
                  { key: "banks", header: t("columns.banks"), className: "tabular-nums", onCard: false, cell: (r) => r.banks },
                ]}
              />
            )}
          </section>

          <section aria-labelledby="annual" className="space-y-3" data-testid="annual-assessment">
            <h2 id="annual" className="text-lg font-medium">
              {t("annual.sectionTitle")}
            </h2>
            <p className="text-slate-700">{t("annual.sectionIntro", { count: bottomListSize })}</p>
            {mayCompute && !hasAnnualRules && <p className="text-sm text-amber-900">{t("annual.noRuleSet")}</p>}
            {mayCompute &&
              (yearEnded ? (
                annualOfYear?.status !== "PUBLISHED" && (
                  <ComputeAnnualButton programId={program.id} year={program.year} recompute={Boolean(annualOfYear)} />
                )
              ) : (
                <p className="text-sm text-slate-600">{t("annual.yearNotEnded", { year: program.year })}</p>
              ))}
            {annuals.length === 0 ? (
              <p className="text-slate-600">{isBank ? t("list.noneBank") : t("list.none")}</p>
            ) : (
              <DataTable
                caption={t("annual.sectionTitle")}
                rows={annuals}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: "year",
                    header: t("columns.quarter"),
                    rowHeader: true,
                    className: "whitespace-nowrap",
                    cell: (r) => (
                      <Link href={`/rankings/${r.id}`} className="text-brand-700 underline">
                        {t("annual.label", { year: r.year })}
                      </Link>
                    ),
                  },
                  {
                    key: "status",
                    header: t("columns.status"),
                    cell: (r) => <StatusBadge status={r.status} label={t(`status.${r.status}`)} />,
                  },
                  {
                    key: "publishedAt",
                    header: t("columns.publishedAt"),
                    className: "whitespace-nowrap",
                    cell: (r) => (r.publishedAt ? formatDateTime(r.publishedAt, resolveLocale(locale)) : "—"),
                  },
                  { key: "banks", header: t("columns.banks"), className: "tabular-nums", onCard: false, cell: (r) => r.banks },
                ]}
              />
            )}
          </section>
        </>
      )}
    </main>
  );
}
