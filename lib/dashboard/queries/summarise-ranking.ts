/**
 * One stored ranking in a few lines for a dashboard: its status, the two reviews, the top
 * three and the bottom list. Read from the stored entries (never recomputed). The ranking
 * is picked from listRankings, so the actor's ranking access applies. The entries are kept
 * under the rankings' and the banks' cache revisions.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import type { RankingStatus } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { listRankings, type TRankingRow } from "@/lib/ranking/queries/list-rankings";
import { readSnapshotBanks } from "@/lib/ranking/queries/read-snapshot-banks";

export type TRankedBankLine = { bankOrgId: string; bankName: string; rank: number; totalScore: string };

export type TRankingSummary = {
  id: string;
  year: number;
  quarter: number;
  status: RankingStatus;
  financeReviewed: boolean;
  pbcReviewed: boolean;
  /** Banks ranked (placed 1..n); those without a quarterly return are `notFiled`, listed apart. */
  banks: number;
  notFiled: number;
  top: TRankedBankLine[];
  bottom: TRankedBankLine[];
};

export const TOP_COUNT = 3;

/** A ranking's entries in rank order, with each bank's current name. */
function readEntries(db: PrismaClient, rankingId: string) {
  return db.rankingEntry.findMany({
    where: { rankingId },
    orderBy: [{ rank: "asc" }, { bankOrgId: "asc" }],
    select: { bankOrgId: true, rank: true, totalScore: true, bottomList: true, bank: { select: { name: true } } },
  });
}

// Kept per process until a ranking or a bank changes: the finance and central-bank
// dashboards show them on every view.
const entriesOfRankings = revisionMemo<Awaited<ReturnType<typeof readEntries>>>(["ranking", "banks"]);

/** The newest ranking the predicate accepts (listRankings is newest first), summarised; null if none. */
export async function summariseRanking(
  db: PrismaClient,
  actor: TActor,
  programId: string,
  pick: (row: TRankingRow) => boolean,
): Promise<TRankingSummary | null> {
  const row = (await listRankings(db, actor, programId)).find(pick);
  if (!row) return null;
  const [entries, { unfiled }] = await Promise.all([
    entriesOfRankings(db, row.id, () => readEntries(db, row.id)),
    readSnapshotBanks(db, row),
  ]);
  const notFiled = entries.filter((e) => unfiled.has(e.bankOrgId)).length;
  const line = (e: (typeof entries)[number]): TRankedBankLine => ({
    bankOrgId: e.bankOrgId,
    bankName: e.bank.name,
    rank: e.rank,
    totalScore: e.totalScore.toFixed(2),
  });
  return {
    id: row.id,
    year: row.year,
    quarter: row.quarter,
    status: row.status,
    financeReviewed: row.financeReviewed,
    pbcReviewed: row.pbcReviewed,
    banks: row.banks - notFiled,
    notFiled,
    top: entries.slice(0, Math.min(TOP_COUNT, row.banks - notFiled)).map(line),
    bottom: entries.filter((e) => e.bottomList).map(line),
  };
}
