import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram } from "@/lib/programs/queries/current-program";
import { quarterEndsAt } from "@/lib/ranking/mutations/ranking-quarter";
import { listRankings } from "@/lib/ranking/queries/ranking-list";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../portal-frame";
import { StatusBadge } from "./status-badge";
import { ComputeButton } from "./workflow-buttons";

export const dynamic = "force-dynamic";

export default async function RankingsPage() {
  const user = await requirePermission("rankings.read");
  const [t, locale] = await Promise.all([getTranslations("ranking"), getLocale()]);
  const program = await getCurrentProgram(db());
  const rankings = program ? await listRankings(db(), user, program.id) : [];
  const isBank = areaOfRole(user.role) === "bank";
  const mayCompute = can(user.role, "rankings.publish");
  const now = new Date();
  const quarterLabel = (year: number, quarter: number) => t("quarterLabel", { year, quarter: t(`quarterWords.${quarter}`) });

  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-prose text-slate-700">{isBank ? t("bankIntro") : t("intro")}</p>
        {!program ? (
          <EmptyState title={t("title")} body={t("noProgram")} />
        ) : (
          <>
            <p className="text-slate-700">{t("programLine", { program: program.name })}</p>
            <Link href="/rankings/history" className="inline-block text-brand-700 underline-offset-2 hover:underline">{t("list.historyLink")}</Link>

            {!isBank && (
              <section aria-labelledby="quarters" className="space-y-3">
                <h2 id="quarters" className="text-lg font-medium">{t("list.quartersTitle")}</h2>
                <Table caption={t("list.quartersTitle")} head={[t("columns.quarter"), t("columns.status"), t("columns.actions")]}>
                  {([1, 2, 3, 4] as const).map((q) => {
                    const latest = rankings.find((r) => r.year === program.year && r.quarter === q);
                    const ended = now >= quarterEndsAt(program.year, q);
                    const status = latest?.status ?? (ended ? "NONE" : "RUNNING");
                    return (
                      <tr key={q} data-testid={`quarter-${q}`}>
                        <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">{quarterLabel(program.year, q)}</th>
                        <td className="px-3 py-2"><StatusBadge status={status} label={t(`status.${status}`)} /></td>
                        <td className="px-3 py-2">
                          <div className="flex flex-wrap items-start gap-3">
                            {latest && <Link href={`/rankings/${latest.id}`} className="text-brand-700 underline">{t("view")}</Link>}
                            {mayCompute && ended && latest?.status !== "PUBLISHED" && (
                              <ComputeButton programId={program.id} year={program.year} quarter={q} recompute={Boolean(latest)} />
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </Table>
              </section>
            )}

            <section aria-labelledby="ranking-list" className="space-y-3">
              <h2 id="ranking-list" className="text-lg font-medium">{t("list.rankingsTitle")}</h2>
              {rankings.length === 0 ? (
                <p className="text-slate-600">{isBank ? t("list.noneBank") : t("list.none")}</p>
              ) : (
                <Table caption={t("list.rankingsTitle")} head={[t("columns.quarter"), t("columns.status"), t("columns.ruleSet"), t("columns.reviews"), t("columns.publishedAt"), t("columns.banks")]}>
                  {rankings.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                        <Link href={`/rankings/${r.id}`} className="text-brand-700 underline">{quarterLabel(r.year, r.quarter)}</Link>
                      </th>
                      <td className="px-3 py-2"><StatusBadge status={r.status} label={t(`status.${r.status}`)} /></td>
                      <td className="px-3 py-2 whitespace-nowrap">{t("versionLabel", { version: r.ruleSetVersion })}</td>
                      <td className="px-3 py-2 text-sm">
                        <div>{t("reviewState.finance", { state: t(`reviewState.${r.financeReviewed ? "done" : "pending"}`) })}</div>
                        <div>{t("reviewState.pbc", { state: t(`reviewState.${r.pbcReviewed ? "done" : "pending"}`) })}</div>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{r.publishedAt ? formatDateTime(r.publishedAt, resolveLocale(locale)) : "—"}</td>
                      <td className="px-3 py-2 tabular-nums">{r.banks}</td>
                    </tr>
                  ))}
                </Table>
              )}
            </section>
          </>
        )}
      </main>
    </PortalFrame>
  );
}
