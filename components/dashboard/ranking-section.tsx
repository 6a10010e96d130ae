import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { TRankingSummary } from "@/lib/dashboard/queries/summarise-ranking";
import { DashboardSection } from "./dashboard-section";
import { RankingSummaryCard } from "./ranking-summary-card";

// The ranking block of the finance office's and the central bank's dashboards: the stored
// ranking in brief, or why there is none, with a link to all rankings. Labels come from
// the dashboard's own messages (`namespace`), which name them alike.
export async function RankingSection({
  namespace,
  title,
  ranking,
}: {
  namespace: "dashboardFinance" | "dashboardPbc";
  title: string;
  ranking: TRankingSummary | null;
}) {
  const t = await getTranslations(namespace);
  return (
    <DashboardSection id="ranking-title" title={title} more={{ href: "/rankings", label: t("ranking.all") }}>
      {ranking ? <RankingSummaryCard ranking={ranking} /> : <EmptyState title={t("ranking.emptyTitle")} body={t("ranking.emptyBody")} />}
    </DashboardSection>
  );
}
