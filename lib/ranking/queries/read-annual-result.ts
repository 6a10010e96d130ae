/**
 * The latest PUBLISHED annual assessment (一年一考核) as the bank and finance dashboards
 * summarise it: its year, the size of its bottom and top lists, and per ranked bank the
 * rank, total and list membership (top: within the snapshot's topListSize; bottom: the
 * entry's flag). The finance office and the central bank get every bank; a bank its own
 * line (itself, the banks above it — the branch that files the returns — and its
 * branches), as for targets. Null when no annual assessment is published. Two indexed
 * reads, kept under the rankings' revision: the newest published YEAR ranking, and its
 * entries (a city's dozen banks). The banks' names (as the assessment had them) and the
 * list sizes come from the snapshot through readSnapshotBanks, kept per ranking in the
 * process: the snapshot (every bank's inputs) is far too big to read on every view.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, bankWithDescendants, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { readSnapshotBanks } from "./read-snapshot-banks";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";

type TAnnualRanking = {
  ranking: { id: string; year: number; computedAt: Date };
  entries: { bankOrgId: string; rank: number; totalScore: Prisma.Decimal; bottomList: boolean; bank: { name: string } }[];
} | null;

// The newest published annual ranking and all its entries (a city's dozen banks), kept per
// process under the rankings' revision: the bank and finance dashboards show it on every
// view, and it changes only when a ranking does.
const newestAnnual = revisionMemo<TAnnualRanking>("ranking");

export type TAnnualResultRow = { bankOrgId: string; bankName: string; rank: number; totalScore: string; top: boolean; bottom: boolean };
export type TAnnualResult = { rankingId: string; year: number; bottomListSize: number; topListSize: number; rows: TAnnualResultRow[] };

async function bankLine(db: PrismaClient, orgId: string): Promise<string[]> {
  const [below, above] = await Promise.all([
    bankWithDescendants(db, orgId),
    db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE up(id, parent, depth) AS (
        SELECT id, "parentId", 0 FROM "Organization" WHERE id = ${orgId}::uuid
        UNION ALL
        SELECT o.id, o."parentId", u.depth + 1 FROM "Organization" o JOIN up u ON o.id = u.parent WHERE u.depth < 5
      )
      SELECT id::text AS id FROM up`,
  ]);
  return [...new Set([...below, ...above.map((r) => r.id)])];
}

export async function readAnnualResult(
  db: PrismaClient,
  user: TActorSource,
  /** One program's only (tests); the dashboards read the newest of any. */
  options: { programId?: string } = {},
): Promise<TAnnualResult | null> {
  const actor = actorOf(user);
  if (!canActor(actor, "rankings.read")) return null;
  const area = areaOfRole(actor.role);
  if (area !== "finance" && area !== "pbc" && area !== "bank") return null;
  const annual = await newestAnnual(db, options.programId ?? "", async () => {
    const ranking = await db.ranking.findFirst({
      where: { period: "YEAR", status: "PUBLISHED", ...(options.programId ? { programId: options.programId } : {}) },
      orderBy: [{ year: "desc" }, { publishedAt: "desc" }],
      select: { id: true, year: true, computedAt: true },
    });
    if (!ranking) return null;
    const entries = await db.rankingEntry.findMany({
      where: { rankingId: ranking.id },
      orderBy: [{ rank: "asc" }, { bankOrgId: "asc" }],
      select: { bankOrgId: true, rank: true, totalScore: true, bottomList: true, bank: { select: { name: true } } },
    });
    return { ranking, entries };
  });
  if (!annual) return null;
  const { ranking } = annual;
  const [{ bottomListSize, topListSize, names }, only] = await Promise.all([
    readSnapshotBanks(db, ranking),
    area === "bank" ? bankLine(db, actor.orgId) : null,
  ]);
  const shown = only ? new Set(only) : null;
  const entries = shown ? annual.entries.filter((e) => shown.has(e.bankOrgId)) : annual.entries;
  return {
    rankingId: ranking.id,
    year: ranking.year,
    bottomListSize,
    topListSize,
    rows: entries.map((e) => ({
      bankOrgId: e.bankOrgId,
      bankName: names.get(e.bankOrgId) ?? e.bank.name,
      rank: e.rank,
      totalScore: e.totalScore.toFixed(2),
      top: e.rank <= topListSize,
      bottom: e.bottomList,
    })),
  };
}
