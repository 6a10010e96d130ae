/**
 * What a new summons starts from, read from a PUBLISHED ranking's frozen snapshot (never
 * from live data, so the record says what the bulletin said): the bulletin's bottom list,
 * and for the chosen bank the items of that quarter that cost it points for being overdue
 * (not answered, or answered after the deadline) or escalated for missing it. The snapshot
 * keeps up to COST_ITEMS_PER_INDICATOR items per indicator; `itemTotals` says how many
 * there were in all.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { readSnapshot } from "@/lib/ranking/ranking-snapshot";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TPrefillBank = { bankOrgId: string; bankName: string; rank: number; totalScore: number; bottomList: boolean };
export type TPrefillItem = { requestId: string; serial: string; reasons: string[] };

export type TSummonsPrefill = {
  ranking: { id: string; programId: string; programName: string; year: number; quarter: number };
  /** Every ranked bank (to choose from), by rank. */
  banks: TPrefillBank[];
  bottomList: TPrefillBank[];
  /** The chosen bank's overdue and escalated items, by serial; empty when no bank is chosen. */
  items: TPrefillItem[];
  itemTotals: { overdue: number; escalated: number };
};

/** The frozen part stored on the summons (Summons.prefill). */
export type TStoredPrefill = Pick<TSummonsPrefill, "bottomList" | "items" | "itemTotals"> & {
  rankingId: string | null;
  year: number;
  quarter: number | null;
};

const ITEM_INDICATORS = ["overdueItems", "escalatedItems"] as const;

/** Null when the ranking does not exist or is not published (a draft opens no summons). */
export async function getSummonsPrefill(db: TDb, rankingId: string, bankOrgId?: string | null): Promise<TSummonsPrefill | null> {
  if (!isUuid(rankingId)) return null;
  const ranking = await db.ranking.findFirst({
    where: { id: rankingId, status: RankingStatus.PUBLISHED },
    select: {
      id: true,
      programId: true,
      year: true,
      quarter: true,
      snapshot: true,
      entries: { select: { bankOrgId: true, rank: true, totalScore: true, bottomList: true }, orderBy: { rank: "asc" } },
    },
  });
  if (!ranking) return null;
  const snapshot = readSnapshot(ranking.snapshot);
  const names = new Map(snapshot.inputs.banks.map((b) => [b.bankOrgId, b.bankName]));
  const banks = ranking.entries.map((e) => ({
    bankOrgId: e.bankOrgId,
    bankName: names.get(e.bankOrgId) ?? "",
    rank: e.rank,
    totalScore: Number(e.totalScore),
    bottomList: e.bottomList,
  }));
  const stored = bankOrgId ? snapshot.inputs.banks.find((b) => b.bankOrgId === bankOrgId) : undefined;
  const byRequest = new Map<string, TPrefillItem>();
  for (const indicator of ITEM_INDICATORS)
    for (const c of stored?.costItems[indicator] ?? []) {
      const item = byRequest.get(c.requestId) ?? { requestId: c.requestId, serial: c.serial, reasons: [] };
      if (!item.reasons.includes(c.reason)) item.reasons.push(c.reason);
      byRequest.set(c.requestId, item);
    }
  const totals = (stored as { costItemTotals?: Partial<Record<string, number>> } | undefined)?.costItemTotals ?? {};
  return {
    ranking: {
      id: ranking.id,
      programId: ranking.programId,
      programName: snapshot.program.name,
      year: ranking.year,
      quarter: ranking.quarter,
    },
    banks,
    bottomList: banks.filter((b) => b.bottomList),
    items: [...byRequest.values()].sort((a, b) => (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0)),
    itemTotals: {
      overdue: totals.overdueItems ?? stored?.costItems.overdueItems?.length ?? 0,
      escalated: totals.escalatedItems ?? stored?.costItems.escalatedItems?.length ?? 0,
    },
  };
}
