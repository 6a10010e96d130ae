import type { Prisma } from "@/lib/generated/prisma/client";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import { quartersOfHalf } from "@/lib/evaluation/rules";

export type TQuarterSource = { quarter: number; rankingId: string | null; publishedAt: Date | null };
export type TQuarterScores = {
  /** The half's two quarters, each with its published ranking (null: none published yet). */
  quarters: [TQuarterSource, TQuarterSource];
  /** Each ranked bank's published total score in the two quarters (null: no entry that quarter). */
  scores: Map<string, [number | null, number | null]>;
};

type TDb = Pick<Prisma.TransactionClient, "ranking">;

/**
 * The quantitative part's inputs, read from the stored entries of the quarters' PUBLISHED
 * rankings only (drafts never count): what the banks were told each quarter.
 */
export async function readQuarterScores(db: TDb, programId: string, year: number, half: 1 | 2): Promise<TQuarterScores> {
  const quarterNumbers = quartersOfHalf(half);
  const rankings = await db.ranking.findMany({
    where: { programId, year, quarter: { in: quarterNumbers }, status: RankingStatus.PUBLISHED },
    select: { id: true, quarter: true, publishedAt: true, entries: { select: { bankOrgId: true, totalScore: true } } },
  });
  const quarters = quarterNumbers.map((quarter) => {
    const ranking = rankings.find((r) => r.quarter === quarter);
    return { quarter, rankingId: ranking?.id ?? null, publishedAt: ranking?.publishedAt ?? null };
  }) as [TQuarterSource, TQuarterSource];
  const scores = new Map<string, [number | null, number | null]>();
  rankings.forEach((ranking) => {
    const index = ranking.quarter === quarterNumbers[0] ? 0 : 1;
    for (const entry of ranking.entries) {
      const pair = scores.get(entry.bankOrgId) ?? [null, null];
      pair[index] = Number(entry.totalScore);
      scores.set(entry.bankOrgId, pair);
    }
  });
  return { quarters, scores };
}
