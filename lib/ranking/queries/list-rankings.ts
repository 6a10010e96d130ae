import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RankingPeriod, RankingStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import type { TActor } from "@/lib/auth/permissions";
import { rankingAccess } from "@/lib/ranking/queries/ranking-access";

export type TRankingRow = {
  id: string;
  programId: string;
  year: number;
  quarter: number;
  status: RankingStatus;
  ruleSetVersion: number;
  computedAt: Date;
  financeReviewed: boolean;
  pbcReviewed: boolean;
  publishedAt: Date | null;
  banks: number;
};

/**
 * A program's rankings of one period the actor may see (see ranking-access.ts), newest
 * first: the quarterly rankings unless asked for the annual assessments (YEAR).
 */
export async function listRankings(
  db: PrismaClient,
  actor: TActor,
  programId: string,
  period: RankingPeriod = "QUARTER",
): Promise<TRankingRow[]> {
  if (!isUuid(programId)) return [];
  const access = await rankingAccess(db, actor);
  if (!access.where) return [];
  const rows = await db.ranking.findMany({
    where: { AND: [access.where, { programId, period }] },
    select: {
      id: true,
      programId: true,
      year: true,
      quarter: true,
      status: true,
      computedAt: true,
      financeReviewedAt: true,
      pbcReviewedAt: true,
      publishedAt: true,
      ruleSet: { select: { version: true } },
      _count: { select: { entries: true } },
    },
    orderBy: [{ year: "desc" }, { quarter: "desc" }, { computedAt: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    programId: r.programId,
    year: r.year,
    quarter: r.quarter,
    status: r.status,
    ruleSetVersion: r.ruleSet.version,
    computedAt: r.computedAt,
    financeReviewed: Boolean(r.financeReviewedAt),
    pbcReviewed: Boolean(r.pbcReviewedAt),
    publishedAt: r.publishedAt,
    banks: r._count.entries,
  }));
}
