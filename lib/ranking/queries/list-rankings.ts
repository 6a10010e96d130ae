import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
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
 * first: the quarterly rankings unless asked for the annual assessments (YEAR). Kept
 * under the rankings' cache revision; callers must not change the rows.
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
  const where = access.where;
  return rankingsOf(db, JSON.stringify([programId, period, where]), () => readRankings(db, { AND: [where, { programId, period }] }));
}

// Kept per process, by program, period and what the actor may see (every ranking, or the
// published ones), until a ranking or its entries change: the finance and central-bank
// dashboards and the rankings page ask on every view.
const rankingsOf = revisionMemo<TRankingRow[]>("ranking");

async function readRankings(db: PrismaClient, where: Prisma.RankingWhereInput): Promise<TRankingRow[]> {
  const rows = await db.ranking.findMany({
    where,
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
