import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/link-styles";
import { DataTable } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { evaluationOfficeOf } from "@/lib/evaluation/mutations/enter-evaluation-scores";
import { getEvaluation, type TEvaluationBankRow } from "@/lib/evaluation/queries/get-evaluation";
import { criteriaOf } from "@/lib/evaluation/rules";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { FinaliseButton } from "../finalise-button";
import { RectifyForm } from "../rectify-form";
import { RulesForm } from "../rules-form";
import { ScoreForm } from "../score-form";

export const dynamic = "force-dynamic";

const num = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("evaluations.read");
  const { id } = await params;
  const evaluation = await getEvaluation(db(), user, id);
  if (!evaluation) notFound();
  const [t, locale] = await Promise.all([getTranslations("evaluation"), getLocale()]);
  const at = (d: Date | string) => formatDateTime(new Date(d), resolveLocale(locale));
  const isBank = areaOfRole(user.role) === "bank";
  const open = evaluation.status === "OPEN";
  const office = can(user.role, "evaluations.score") ? evaluationOfficeOf(user) : null;
  const mayManage = can(user.role, "evaluations.manage");
  // A bank the finalised evaluation found must rectify can be summoned from here.
  const maySummon = can(user.role, "summons.manage");
  const { rules } = evaluation;
  const period = t("periodLabel", { year: evaluation.year, half: t(`halves.${evaluation.half}`) });
  const gradeMin = (g: string) => rules.grades.find((x) => x.grade === g)?.min ?? 0;
  const basis = (row: TEvaluationBankRow) =>
    [
      row.result?.belowThreshold ? t("rectify.threshold", { below: rules.rectifyBelow }) : null,
      row.rectifyPicked ? t("rectify.picked", { reason: row.rectifyReason ?? "" }) : null,
    ].filter((x): x is string => x !== null);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/evaluations" label={t("detail.back")} />
      <PageHeader
        title={t("detail.heading", { program: evaluation.programName, period })}
        badges={<Badge tone={open ? "warn" : "ok"}>{t(`status.${evaluation.status}`)}</Badge>}
        intro={isBank ? t("bankIntro") : t("intro")}
        actions={<DownloadLink href={`/evaluations/${evaluation.id}/export`}>{t("detail.export")}</DownloadLink>}
      />

      <Panel title={t("detail.quartersTitle")}>
        <ul className="space-y-1 text-slate-700">
          {evaluation.quarters.map((q) => (
            <li key={q.quarter}>
              {q.rankingId && q.publishedAt
                ? t("detail.quarterPublished", { quarter: q.quarter, at: at(q.publishedAt) })
                : t("detail.quarterMissing", { quarter: q.quarter })}
            </li>
          ))}
          <li>{t("detail.openedAt", { at: at(evaluation.openedAt) })}</li>
          {evaluation.finalisedAt && <li>{t("detail.finalisedAt", { at: at(evaluation.finalisedAt) })}</li>}
        </ul>
      </Panel>

      <Panel title={t("rules.title")}>
        <ul className="space-y-1 text-slate-700">
          <li>{t("rules.weights", rules.weights)}</li>
          <li>{t("rules.grades", { excellent: gradeMin("excellent"), good: gradeMin("good"), pass: gradeMin("pass") })}</li>
          <li>{t("rules.rectifyBelow", { below: rules.rectifyBelow })}</li>
        </ul>
        <h3 className="mt-3 font-medium">{t("rules.criteriaTitle")}</h3>
        <ul className="list-inside list-disc text-slate-700">
          {(["pbc", "finance"] as const).map((o) => (
            <li key={o}>
              {t(o === "pbc" ? "rules.officePbc" : "rules.officeFinance")}：
              {criteriaOf(rules, o)
                .map((c) => t("rules.criterion", { name: c.name, max: c.maxPoints }))
                .join("；")}
            </li>
          ))}
        </ul>
        {open && evaluation.rulesFrozen && <p className="mt-2 text-sm text-slate-600">{t("rules.frozen")}</p>}
        {open && !evaluation.rulesFrozen && mayManage && (
          <div className="mt-3">
            <RulesForm evaluationId={evaluation.id} rulesVersion={evaluation.rulesVersion} rulesJson={JSON.stringify(rules, null, 2)} />
          </div>
        )}
      </Panel>

      <section aria-labelledby="evaluation-table" className="space-y-3">
        <h2 id="evaluation-table" className="text-lg font-medium">
          {isBank ? t("detail.yourResult") : t("detail.tableTitle")}
        </h2>
        {open && <p className="text-sm text-slate-600">{t("detail.previewNote")}</p>}
        {evaluation.rows.length === 0 ? (
          <EmptyState title={t("detail.tableTitle")} body={t("detail.noBanks")} />
        ) : (
          <DataTable
            caption={t("detail.tableTitle")}
            rows={evaluation.rows}
            rowKey={(r) => r.bankOrgId}
            columns={[
              { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
              ...evaluation.quarters.map((q, i) => ({
                key: `q${q.quarter}`,
                header: t("columns.quarterScore", { quarter: q.quarter }),
                numeric: true,
                cell: (r: TEvaluationBankRow) => num(r.quarterScores[i]),
              })),
              { key: "quantitative", header: t("columns.quantitative"), numeric: true, cell: (r) => num(r.result?.quantitative) },
              {
                key: "pbc",
                header: t("columns.pbcScore"),
                numeric: true,
                cell: (r) => (r.pbcPoints ? num(r.pbcPoints.reduce((a, b) => a + b, 0)) : t("detail.notScored")),
              },
              {
                key: "finance",
                header: t("columns.financeScore"),
                numeric: true,
                cell: (r) => (r.financePoints ? num(r.financePoints.reduce((a, b) => a + b, 0)) : t("detail.notScored")),
              },
              { key: "combined", header: t("columns.combined"), numeric: true, cell: (r) => num(r.result?.combinedScore) },
              { key: "grade", header: t("columns.grade"), cell: (r) => (r.result ? t(`grades.${r.result.grade}`) : t("detail.noResult")) },
              {
                key: "rectify",
                header: t("columns.mustRectify"),
                cell: (r) =>
                  r.result?.mustRectify || r.rectifyPicked ? (
                    <div className="space-y-1">
                      <Badge tone="danger">{t("detail.mustRectify")}</Badge>
                      {basis(r).map((b) => (
                        <div key={b} className="text-sm">
                          {b}
                        </div>
                      ))}
                      {!open && maySummon && r.result?.mustRectify && (
                        <Link
                          href={`/summons/new?${new URLSearchParams({ evaluationId: evaluation.id, bank: r.bankOrgId })}`}
                          className={`text-sm ${linkClass}`}
                        >
                          {t("detail.openSummons")}
                        </Link>
                      )}
                    </div>
                  ) : r.result ? (
                    <Badge tone="ok">{t("detail.noRectify")}</Badge>
                  ) : (
                    t("detail.noResult")
                  ),
              },
            ]}
          />
        )}
      </section>

      {evaluation.rows.some((r) => r.pbcComment || r.financeComment) && (
        <Panel title={t("detail.comments")}>
          <ul className="space-y-2 text-slate-700">
            {evaluation.rows.map((r) =>
              r.pbcComment || r.financeComment ? (
                <li key={r.bankOrgId}>
                  <span className="font-medium">{r.bankName}</span>
                  {r.pbcComment && <div>{`${t("columns.pbcComment")}：${r.pbcComment}`}</div>}
                  {r.financeComment && <div>{`${t("columns.financeComment")}：${r.financeComment}`}</div>}
                </li>
              ) : null,
            )}
          </ul>
        </Panel>
      )}

      {open && (office || mayManage) && evaluation.rows.length > 0 && (
        <section aria-labelledby="scoring" className="space-y-3">
          <h2 id="scoring" className="text-lg font-medium">
            {office ? t("score.title", { office: t(office === "pbc" ? "score.officePbc" : "score.officeFinance") }) : t("rectify.title")}
          </h2>
          {evaluation.rows.map((r) => {
            const mine = office === "pbc" ? r.pbcPoints : office === "finance" ? r.financePoints : null;
            return (
              <details key={r.bankOrgId} className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium">
                  {r.bankName}
                  {mine ? ` · ${t("score.entered", { score: num(mine.reduce((a, b) => a + b, 0)) })}` : ` · ${t("detail.notScored")}`}
                </summary>
                <div className="mt-3 space-y-6">
                  {office && (
                    <ScoreForm
                      evaluationId={evaluation.id}
                      bankOrgId={r.bankOrgId}
                      rulesVersion={evaluation.rulesVersion}
                      office={office}
                      criteria={criteriaOf(rules, office)}
                      points={mine}
                      comment={office === "pbc" ? r.pbcComment : r.financeComment}
                    />
                  )}
                  {mayManage && (
                    <RectifyForm evaluationId={evaluation.id} bankOrgId={r.bankOrgId} picked={r.rectifyPicked} reason={r.rectifyReason} />
                  )}
                </div>
              </details>
            );
          })}
        </section>
      )}

      {open && mayManage && (
        <Panel title={t("finalise.title")}>
          <p className="mb-3 text-slate-700">{t("finalise.body")}</p>
          <FinaliseButton evaluationId={evaluation.id} />
        </Panel>
      )}
    </main>
  );
}
