import type { Prisma } from "@/lib/generated/prisma/client";
import { RankingStatus, type RankingPeriod } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { TRankingResult } from "@/lib/ranking/compute-ranking";
import { lockQuarter, toJson } from "@/lib/ranking/mutations/lock-quarter";

/**
 * Stores a computed ranking as the draft of its period (a quarter, or a year as quarter 0),
 * inside the caller's transaction: the period's lock, then "alreadyPublished" when a
 * published one exists, else the newest draft recomputed in place (its entries replaced,
 * both reviews cleared) or a new draft. The quarterly and the annual computation share it;
 * each writes its own audit entry.
 */
export async function storeDraftRanking(
  tx: Prisma.TransactionClient,
  draft: {
    programId: string;
    year: number;
    /** 1–4, or 0 for the annual assessment. */
    quarter: number;
    period: RankingPeriod;
    ruleSetId: string;
    computedById: string;
    computedAt: Date;
    snapshot: Prisma.InputJsonValue;
    entries: TRankingResult["entries"];
  },
): Promise<{ rankingId: string; recomputed: boolean }> {
  const { programId, year, quarter, period } = draft;
  await lockQuarter(tx, programId, year, quarter);
  const existing = await tx.ranking.findMany({
    where: { programId, year, quarter, period },
    select: { id: true, status: true },
    orderBy: { computedAt: "desc" },
  });
  if (existing.some((r) => r.status === RankingStatus.PUBLISHED)) throw new AppError("alreadyPublished");
  const fields = {
    ruleSetId: draft.ruleSetId,
    status: RankingStatus.DRAFT,
    computedAt: draft.computedAt,
    computedById: draft.computedById,
    snapshot: draft.snapshot,
  };
  const previous = existing[0];
  let rankingId: string;
  if (previous) {
    rankingId = previous.id;
    await tx.rankingEntry.deleteMany({ where: { rankingId } });
    await tx.ranking.update({
      where: { id: rankingId },
      data: { ...fields, financeReviewedAt: null, financeReviewedById: null, pbcReviewedAt: null, pbcReviewedById: null },
    });
  } else {
    const created = await tx.ranking.create({
      data: { programId, year, quarter, period, ...fields },
      select: { id: true },
    });
    rankingId = created.id;
  }
  await tx.rankingEntry.createMany({
    data: draft.entries.map((e) => ({
      rankingId,
      bankOrgId: e.bankOrgId,
      totalScore: e.totalScore.toFixed(2),
      rank: e.rank,
      bottomList: e.bottomList,
      breakdown: toJson(e.breakdown),
    })),
  });
  return { rankingId, recomputed: Boolean(previous) };
}
