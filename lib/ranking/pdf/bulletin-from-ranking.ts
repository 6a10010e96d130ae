import { RankingStatus } from "@/lib/generated/prisma/enums";
import { RETURN_INDICATORS, type TIndicatorKey } from "@/lib/ranking/indicators";
import { maxPoints } from "@/lib/ranking/rules";
import type { TRankingDetail } from "@/lib/ranking/queries/get-ranking";

// What the PDF bulletin (通报) shows, taken from a PUBLISHED ranking's snapshot and
// entries only: after publication nothing live (items, bank names, the program's name,
// the rule set) can change it.

export type TBulletinData = {
  rankingId: string;
  /** QUARTER: the quarter's bulletin (通报); YEAR: the annual assessment's (年度考核结果), quarter 0. */
  period: "QUARTER" | "YEAR";
  year: number;
  quarter: number;
  programName: string;
  programDocNumber: string;
  ruleSetName: string;
  ruleSetVersion: number;
  bottomListSize: number;
  indicators: Array<{ key: TIndicatorKey; maxPoints: number }>;
  rows: Array<{
    rank: number;
    bankName: string;
    totalScore: number;
    bottomList: boolean;
    /** No quarterly return: shown as 未报送, unranked (docs/decisions/017-missing-quarterly-return.md). */
    missingReturn: boolean;
    /** Null where there is nothing to score: no breakdown row, or the return's indicators of a bank that filed none. */
    points: Array<number | null>;
  }>;
  /** Bank names of the bottom list, best-ranked first. */
  bottomList: string[];
  /** The annual assessment's top list (its first topListSize ranked banks); empty for a quarter. */
  topList: string[];
  /** Bank names without a quarterly return. */
  missingReturn: string[];
  issuerName: string;
  publishedAt: Date;
};

/** The bulletin of a published ranking, or null (a draft, or none the actor may see). */
export function bulletinFromRanking(ranking: TRankingDetail): TBulletinData | null {
  if (ranking.status !== RankingStatus.PUBLISHED || !ranking.published) return null;
  const s = ranking.snapshot;
  const indicators = s.rules.map((item) => ({ key: item.indicator, maxPoints: maxPoints(item.rule) }));
  const rows = ranking.entries.map((e) => {
    const byIndicator = new Map(e.breakdown.map((b) => [b.indicator, b.points]));
    return {
      rank: e.rank,
      bankName: e.bankName,
      totalScore: e.totalScore,
      bottomList: e.bottomList,
      missingReturn: e.missingReturn,
      points: indicators.map((i) => (e.missingReturn && RETURN_INDICATORS.has(i.key) ? null : (byIndicator.get(i.key) ?? null))),
    };
  });
  return {
    rankingId: ranking.id,
    period: ranking.period,
    year: ranking.year,
    quarter: ranking.quarter,
    programName: s.program.name,
    programDocNumber: s.program.docNumber,
    ruleSetName: s.ruleSet.name,
    ruleSetVersion: s.ruleSet.version,
    bottomListSize: s.bottomListSize,
    indicators,
    rows,
    bottomList: rows.filter((r) => r.bottomList).map((r) => r.bankName),
    topList: ranking.period === "YEAR" ? rows.filter((r) => !r.missingReturn && r.rank <= (s.topListSize ?? 0)).map((r) => r.bankName) : [],
    missingReturn: rows.filter((r) => r.missingReturn).map((r) => r.bankName),
    issuerName: s.issuer?.orgName ?? "",
    publishedAt: s.publishedAt ? new Date(s.publishedAt) : ranking.published.at,
  };
}
