import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { DownloadLink } from "@/components/ui/download-link";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { reviewSideOf } from "@/lib/ranking/mutations/review-ranking";
import { getRanking } from "@/lib/ranking/queries/get-ranking";
import { score } from "@/lib/ranking/format";
import { getCurrentRuleSet } from "@/lib/ranking/queries/list-rule-sets";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { BottomBadge, StatusBadge } from "../status-badge";
import { ComputeAnnualButton, ComputeButton, PublishButton, ReviewButton } from "../workflow-buttons";
import { Breakdown } from "./breakdown";
import { PreviewPanel } from "./preview-panel";
import { SummonsSection } from "./summons-section";

export const dynamic = "force-dynamic";

export default async function RankingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("rankings.read");
  const { id } = await params;
  const ranking = await getRanking(db(), user, id);
  if (!ranking) notFound();
  const [t, locale] = await Promise.all([getTranslations("ranking"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, resolveLocale(locale));
  const s = ranking.snapshot;
  const published = ranking.status === "PUBLISHED";
  const isBank = areaOfRole(user.role) === "bank";
  const side = reviewSideOf(user);
  const alreadyReviewed = side === "finance" ? Boolean(ranking.financeReview) : side === "pbc" ? Boolean(ranking.pbcReview) : true;
  const mayReview = !published && can(user.role, "rankings.review") && !alreadyReviewed;
  const mayPublish = !published && can(user.role, "rankings.publish");
  const mayPreview = can(user.role, "scoring.manage");
  const ruleSet = mayPreview ? await getCurrentRuleSet(db(), ranking.programId) : null;
  const person = (p: { at: Date; name: string } | null) => (p ? t("detail.byAt", { name: p.name, at: when(p.at) }) : t("detail.notYet"));
  // A bank finds its own breakdown first.
  const ordered = [...ranking.entries.filter((e) => e.own), ...ranking.entries.filter((e) => !e.own)];
  const annual = ranking.period === "YEAR";
  const title = annual
    ? t("annual.label", { year: ranking.year })
    : t("quarterLabel", { year: ranking.year, quarter: t(`quarterWords.${ranking.quarter}`) });
  const topListSize = annual ? (s.topListSize ?? 0) : 0;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/rankings" label={t("detail.back")} />
      <PageHeader title={title} badges={<StatusBadge status={ranking.status} label={t(`status.${ranking.status}`)} />} />
      {published && (
        <p role="note" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900" data-testid="frozen-banner">
          {t("detail.frozen")}
        </p>
      )}

      <DetailList
        rows={[
          [t("detail.program"), s.program.name],
          [t("detail.ruleSet"), t("detail.ruleSetValue", { name: s.ruleSet.name, version: s.ruleSet.version })],
          [t("detail.bottomListSize"), t("detail.bottomListValue", { n: s.bottomListSize })],
          [t("detail.computed"), person(ranking.computed)],
          [t("detail.financeReview"), person(ranking.financeReview)],
          [t("detail.pbcReview"), person(ranking.pbcReview)],
          [t("detail.published"), person(ranking.published)],
        ]}
      />

      {published && (
        <section aria-labelledby="downloads" className="space-y-2">
          <h2 id="downloads" className="text-lg font-medium">
            {t("detail.downloads")}
          </h2>
          <div className="flex flex-wrap gap-4">
            <DownloadLink href={`/rankings/${ranking.id}/bulletin`} className="text-brand-700 underline">
              {t("detail.downloadPdf")}
            </DownloadLink>
            <DownloadLink href={`/rankings/${ranking.id}/export`} className="text-brand-700 underline">
              {t("detail.downloadExcel")}
            </DownloadLink>
          </div>
        </section>
      )}

      {(mayReview || mayPublish) && (
        <section aria-labelledby="workflow" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <h2 id="workflow" className="text-lg font-medium">
            {t("workflow.title")}
          </h2>
          <div className="flex flex-wrap items-start gap-6">
            {mayReview && <ReviewButton rankingId={ranking.id} />}
            {mayPublish && <PublishButton rankingId={ranking.id} enabled={Boolean(ranking.financeReview && ranking.pbcReview)} />}
            {mayPublish &&
              (annual ? (
                <ComputeAnnualButton programId={ranking.programId} year={ranking.year} recompute />
              ) : (
                <ComputeButton programId={ranking.programId} year={ranking.year} quarter={ranking.quarter} recompute />
              ))}
          </div>
        </section>
      )}

      <section aria-labelledby="ranking-table" className="space-y-3">
        <h2 id="ranking-table" className="text-lg font-medium">
          {t("detail.tableTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("detail.tieNote")}</p>
        <DataTable
          caption={t("detail.tableTitle")}
          rows={ranking.entries}
          rowKey={(e) => e.bankOrgId}
          rowClassName={(e) => (e.own ? "bg-brand-50" : e.bottomList ? "bg-red-50/50" : "")}
          columns={[
            { key: "rank", header: t("columns.rank"), className: "tabular-nums", cell: (e) => (e.missingReturn ? "—" : e.rank) },
            {
              key: "bank",
              header: t("columns.bank"),
              rowHeader: true,
              className: "font-normal",
              cell: (e) => (
                <>
                  <a href={`#bank-${e.bankOrgId}`} className={linkClass}>
                    {e.bankName}
                  </a>
                  {e.own && <span className="ml-2 text-xs text-brand-900">{t("ownBadge")}</span>}
                </>
              ),
            },
            {
              key: "totalScore",
              header: t("columns.totalScore"),
              className: "tabular-nums",
              cell: (e) => (e.missingReturn ? t("bulletin.notFiled") : score(e.totalScore)),
            },
            {
              key: "bottomList",
              header: t("columns.bottomList"),
              cell: (e) =>
                e.bottomList ? (
                  <BottomBadge label={t("bottomBadge")} />
                ) : (
                  !e.missingReturn && e.rank <= topListSize && <span className="text-sm text-green-800">{t("annual.topBadge")}</span>
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="breakdowns" className="space-y-3">
        <h2 id="breakdowns" className="text-lg font-medium">
          {t("detail.breakdownTitle")}
        </h2>
        {ordered.map((e) => (
          <Breakdown key={e.bankOrgId} entry={e} costItemsHidden={isBank && !e.own} />
        ))}
      </section>

      <SummonsSection
        user={user}
        ranking={{ id: ranking.id, programId: ranking.programId, year: ranking.year, quarter: ranking.quarter, published }}
      />

      {mayPreview &&
        !annual &&
        (ruleSet?.rules ? (
          <PreviewPanel
            programId={ranking.programId}
            year={ranking.year}
            quarter={ranking.quarter}
            rules={ruleSet.rules}
            currentRanks={Object.fromEntries(ranking.entries.map((e) => [e.bankOrgId, e.rank]))}
          />
        ) : (
          <p className="text-slate-600">{t("preview.noRuleSet")}</p>
        ))}
    </main>
  );
}
