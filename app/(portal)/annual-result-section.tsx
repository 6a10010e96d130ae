import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { readAnnualResult, type TAnnualResultRow } from "@/lib/ranking/queries/read-annual-result";
import { db } from "@/lib/server/db";

/**
 * The bank and finance dashboards' annual assessment block: the latest published year's
 * rank, total and bottom/top list membership (readAnnualResult, scoped by the viewer: a
 * bank its own line, the offices every bank), linking to the full assessment.
 */
export async function AnnualResultSection({ user, view }: { user: TActorSource; view: "bank" | "finance" }) {
  const [t, result] = await Promise.all([getTranslations("ranking.annualSummary"), readAnnualResult(db(), user)]);
  const lists = (r: TAnnualResultRow) => (
    <span className="flex flex-wrap gap-2">
      {r.top && <Badge tone="ok">{t("top")}</Badge>}
      {r.bottom && <Badge tone="danger">{t("bottom")}</Badge>}
      {!r.top && !r.bottom && t("neither")}
    </span>
  );
  return (
    <DashboardSection
      id="annual-result-title"
      title={result ? t("title", { year: result.year }) : t("titleNone")}
      action={
        result ? (
          <Link href={`/rankings/${result.rankingId}`} className={linkClass}>
            {t("open")}
          </Link>
        ) : undefined
      }
    >
      {!result ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : result.rows.length === 0 ? (
        <EmptyState title={t("notRankedTitle", { year: result.year })} body={t("notRankedBody")} />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("intro", { top: result.topListSize, bottom: result.bottomListSize })}</p>
          <DataTable
            caption={t("caption", { year: result.year })}
            testId={`annual-result-${view}`}
            rows={result.rows}
            rowKey={(r) => r.bankOrgId}
            columns={[
              { key: "bank", header: t("bank"), rowHeader: true, cell: (r) => r.bankName },
              { key: "rank", header: t("rank"), numeric: true, cell: (r) => String(r.rank) },
              { key: "total", header: t("total"), numeric: true, cell: (r) => r.totalScore },
              { key: "lists", header: t("lists"), cell: lists },
            ]}
          />
        </>
      )}
    </DashboardSection>
  );
}
