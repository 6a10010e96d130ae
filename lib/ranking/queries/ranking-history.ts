import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { RankingPeriod, RankingStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import type { TActor } from "@/lib/auth/permissions";
import type { TRankingHistory } from "@/lib/ranking/history-aggregates";
import { rankingAccess } from "@/lib/ranking/queries/ranking-access";
import { readSnapshotBanks } from "@/lib/ranking/queries/read-snapshot-banks";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";

type TPublishedQuarter = {
  id: string;
  year: number;
  quarter: number;
  computedAt: Date;
  entries: { bankOrgId: string; totalScore: Prisma.Decimal; rank: number }[];
};

// The published quarters and their entries, kept per process under the rankings' revision:
// the bank dashboard shows the trend on every view, and the rows only change when a
// ranking does.
const publishedQuarters = revisionMemo<TPublishedQuarter[]>("ranking");

/**
 * Each bank's total score and rank across the program's PUBLISHED quarterly rankings (oldest
 * first; drafts never count, for anyone), optionally for one bank only. A quarter in
 * which a bank has no entry is null; one in which it was listed apart for having no
 * quarterly return is flagged `missingReturn`. Bank names are the newest published ones. Read
 * from the stored entries and the snapshots' bank lists (readSnapshotBanks, kept per ranking
 * in the process: published rankings never change), the rows themselves kept under the rankings'
 * revision. Empty for a role without rankings.read.
 */
export async function rankingHistory(db: PrismaClient, actor: TActor, programId: string, bankOrgId?: string): Promise<TRankingHistory> {
  const empty: TRankingHistory = { quarters: [], banks: [] };
  if (!isUuid(programId) || (bankOrgId !== undefined && !isUuid(bankOrgId))) return empty;
  const access = await rankingAccess(db, actor);
  if (!access.where) return empty;
  const where = access.where;
  const rankings = await publishedQuarters(db, JSON.stringify([programId, where, bankOrgId ?? null]), () =>
    db.ranking.findMany({
      where: { AND: [where, { programId, period: RankingPeriod.QUARTER, status: RankingStatus.PUBLISHED }] },
      select: {
        id: true,
        year: true,
        quarter: true,
        computedAt: true,
        entries: { where: bankOrgId ? { bankOrgId } : {}, select: { bankOrgId: true, totalScore: true, rank: true } },
      },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
    }),
  );
  const banks = new Map<string, { bankOrgId: string; bankName: string; points: TRankingHistory["banks"][number]["points"] }>();
  const snapshots = await Promise.all(rankings.map((r) => readSnapshotBanks(db, r)));
  rankings.forEach((ranking, index) => {
    const { names, unfiled } = snapshots[index]!;
    for (const e of ranking.entries) {
      const bank = banks.get(e.bankOrgId) ?? { bankOrgId: e.bankOrgId, bankName: "", points: rankings.map(() => null) };
      bank.bankName = names.get(e.bankOrgId) ?? bank.bankName;
      bank.points[index] = unfiled.has(e.bankOrgId)
        ? { score: Number(e.totalScore), rank: e.rank, missingReturn: true }
        : { score: Number(e.totalScore), rank: e.rank };
      banks.set(e.bankOrgId, bank);
    }
  });
  return {
    quarters: rankings.map((r) => ({ rankingId: r.id, year: r.year, quarter: r.quarter })),
    banks: [...banks.values()].sort((a, b) => a.bankName.localeCompare(b.bankName, "zh-CN")),
  };
}
