/**
 * The bank's total score and rank over the published quarters (rankingHistory: published
 * rankings only, stored entries, no recomputation). Only ranked banks (those holding a
 * park pairing) have entries: for a branch or sub-branch the trend shown is the nearest
 * ranked bank above it, and `ownBank` says so.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { rankingHistory } from "@/lib/ranking/queries/ranking-history";

export type TTrendPoint = { rankingId: string; year: number; quarter: number; score: number; rank: number };
export type TScoreTrend = { bankOrgId: string; bankName: string; ownBank: boolean; points: TTrendPoint[] };

/** The organization and its ancestors, nearest first. */
function selfAndAncestors(db: PrismaClient, orgId: string): Promise<readonly string[]> {
  return chainsOfBanks(db, orgId, async () => {
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up(id, parent, depth) AS (
        SELECT id, "parentId", 0 FROM "Organization" WHERE id = ${orgId}::uuid AND kind = 'BANK'
        UNION ALL
        SELECT o.id, o."parentId", u.depth + 1 FROM "Organization" o JOIN up u ON o.id = u.parent WHERE o.kind = 'BANK'
      )
      SELECT id::text FROM up ORDER BY depth`;
    return Object.freeze(rows.map((r) => r.id));
  });
}

// Kept per process until a bank changes (the banks' revision counts the organizations that
// are not enterprises, the hierarchy included): the bank dashboard asks on every view.
const chainsOfBanks = revisionMemo<readonly string[]>("banks");

export async function bankScoreTrend(db: PrismaClient, actor: TActor, programId: string): Promise<TScoreTrend | null> {
  const history = await rankingHistory(db, actor, programId);
  // Before the first published quarter there is no trend to place the bank in.
  if (history.banks.length === 0) return null;
  const chain = await selfAndAncestors(db, actor.orgId);
  for (const orgId of chain) {
    const bank = history.banks.find((b) => b.bankOrgId === orgId);
    if (!bank) continue;
    const points: TTrendPoint[] = [];
    bank.points.forEach((p, i) => {
      const q = history.quarters[i]!;
      if (p) points.push({ rankingId: q.rankingId, year: q.year, quarter: q.quarter, score: p.score, rank: p.rank });
    });
    return { bankOrgId: bank.bankOrgId, bankName: bank.bankName, ownBank: orgId === actor.orgId, points };
  }
  return null;
}
