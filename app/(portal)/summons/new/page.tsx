import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { getEvaluationSummonsPrefill } from "@/lib/summons/queries/get-evaluation-summons-prefill";
import { getSummonsPrefill } from "@/lib/summons/queries/get-summons-prefill";
import { PrefillItems } from "../prefill-items";
import { OpenSummonsForm } from "./open-summons-form";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// Opening a summons after a published bulletin: choose the bank (the bottom list first),
// then the record starts from what the bulletin found — the bottom list and the bank's
// overdue and escalated items of the quarter — and the office adds the meeting's facts.
export default async function NewSummonsPage({ searchParams }: { searchParams: TSearchParams }) {
  await requirePermission("summons.manage");
  const sp = await searchParams;
  const rankingId = one(sp.rankingId);
  const bankOrgId = one(sp.bank);
  const evaluationId = one(sp.evaluationId);
  if (evaluationId) return <FromEvaluation evaluationId={evaluationId} bankOrgId={bankOrgId} />;
  if (!rankingId) return <ChooseBulletin />;
  const prefill = await getSummonsPrefill(db(), rankingId, bankOrgId || null);
  if (!prefill) notFound();
  const t = await getTranslations("summons");
  const { year, quarter } = prefill.ranking;
  const chosen = prefill.banks.find((b) => b.bankOrgId === bankOrgId);
  const ordered = [...prefill.bottomList, ...prefill.banks.filter((b) => !b.bottomList)];
  const issues = chosen
    ? t("open.issuesTemplate", {
        bank: chosen.bankName,
        year,
        quarter,
        rank: chosen.rank,
        score: chosen.totalScore.toFixed(2),
        bottom: chosen.bottomList ? "yes" : "no",
        overdue: prefill.itemTotals.overdue,
        escalated: prefill.itemTotals.escalated,
      })
    : "";
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <BackLink href={`/rankings/${prefill.ranking.id}`} label={t("open.back")} />
        <PageHeader title={t("open.title", { year, quarter })} intro={t("open.intro", { program: prefill.ranking.programName })} />
      </div>
      <Panel title={t("prefill.bottomList")} testId="prefill-bottom-list">
        {prefill.bottomList.length === 0 ? (
          <EmptyState title={t("prefill.noBottomTitle")} body={t("prefill.noBottomBody")} />
        ) : (
          <ul className="list-inside list-disc">
            {prefill.bottomList.map((b) => (
              <li key={b.bankOrgId}>{t("prefill.bottomRow", { bank: b.bankName, rank: b.rank, score: b.totalScore.toFixed(2) })}</li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={t("open.chooseBank")} hint={t("open.chooseBankHint")}>
        <DataTable
          caption={t("open.chooseBank")}
          rows={ordered}
          rowKey={(b) => b.bankOrgId}
          rowTestId={(b) => `choose-bank-${b.bankOrgId}`}
          columns={[
            {
              key: "bank",
              header: t("columns.bank"),
              rowHeader: true,
              cell: (b) =>
                b.bankOrgId === bankOrgId ? (
                  <strong>{b.bankName}</strong>
                ) : (
                  <Link
                    href={`/summons/new?${new URLSearchParams({ rankingId: prefill.ranking.id, bank: b.bankOrgId })}`}
                    className={linkClass}
                  >
                    {b.bankName}
                  </Link>
                ),
            },
            { key: "rank", header: t("columns.rank"), numeric: true, cell: (b) => b.rank },
            { key: "score", header: t("columns.score"), numeric: true, cell: (b) => b.totalScore.toFixed(2) },
            {
              key: "bottom",
              header: t("columns.bottom"),
              cell: (b) => (b.bottomList ? <Badge tone="danger">{t("prefill.bottom")}</Badge> : ""),
            },
          ]}
        />
      </Panel>
      {chosen ? (
        <>
          <Panel title={t("prefill.items", { bank: chosen.bankName })} hint={t("prefill.itemsHint")} testId="prefill-items">
            <PrefillItems items={prefill.items} totals={prefill.itemTotals} />
          </Panel>
          <OpenSummonsForm
            rankingId={prefill.ranking.id}
            bankOrgId={chosen.bankOrgId}
            issues={issues}
            today={shanghaiDateString(new Date())}
          />
        </>
      ) : (
        <EmptyState title={t("open.noBankTitle")} body={t("open.noBankBody")} />
      )}
    </main>
  );
}

// Opened without a bulletin (from the menu or a bookmark): say where a summons starts.
async function ChooseBulletin() {
  const t = await getTranslations("summons");
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <BackLink href="/summons" label={t("detail.back")} />
        <PageHeader title={t("open.chooseTitle")} />
      </div>
      <EmptyState title={t("open.chooseTitle")} body={t("list.emptyFinance")} />
      <Link href="/rankings" className={linkClass}>
        {t("open.toRankings")}
      </Link>
    </main>
  );
}

// After a finalised half-year evaluation: the bank it found must rectify, the record
// pre-filled with the evaluation's grade, score and both offices' comments.
async function FromEvaluation({ evaluationId, bankOrgId }: { evaluationId: string; bankOrgId: string }) {
  const prefill = await getEvaluationSummonsPrefill(db(), evaluationId, bankOrgId);
  if (!prefill) notFound();
  const t = await getTranslations("summons");
  const { year, half } = prefill.evaluation;
  const b = prefill.bank;
  const none = t("open.noComment");
  const issues = t("open.issuesTemplateEvaluation", {
    bank: b.bankName,
    year,
    half,
    score: b.combinedScore === null ? "—" : b.combinedScore.toFixed(2),
    grade: b.grade ?? "—",
    pbc: b.pbcComment ?? none,
    finance: b.financeComment ?? none,
    reason: b.rectifyReason ?? "",
  });
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <BackLink href={`/evaluations/${prefill.evaluation.id}`} label={t("open.backEvaluation")} />
        <PageHeader
          title={t("open.titleEvaluation", { year, half, bank: b.bankName })}
          intro={t("open.introEvaluation", { program: prefill.evaluation.programName })}
        />
      </div>
      {prefill.summonsId ? (
        <Link href={`/summons/${prefill.summonsId}`} className={linkClass}>
          {t("open.alreadyOpened")}
        </Link>
      ) : (
        <OpenSummonsForm
          evaluationId={prefill.evaluation.id}
          bankOrgId={b.bankOrgId}
          issues={issues}
          today={shanghaiDateString(new Date())}
        />
      )}
    </main>
  );
}
