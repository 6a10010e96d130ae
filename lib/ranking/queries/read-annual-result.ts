/**
 * The latest PUBLISHED annual assessment (一年一考核) as the bank and finance dashboards
 * summarise it: its year, the size of its bottom and top lists, and per ranked bank the
 * rank, total and list membership (top: within the snapshot's topListSize; bottom: the
 * entry's flag). The finance office and the central bank get every bank; a bank its own
 * line (itself, the banks above it — the branch that files the returns — and its
 * branches), as for targets. Null when no annual assessment is published. Two indexed
 * reads: the newest published YEAR ranking, and its entries (a city's dozen banks).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, bankWithDescendants, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { readSnapshot } from "../ranking-snapshot";

export type TAnnualResultRow = { bankOrgId: string; bankName: string; rank: number; totalScore: string; top: boolean; bottom: boolean };
export type TAnnualResult = { rankingId: string; year: number; bottomListSize: number; topListSize: number; rows: TAnnualResultRow[] };

async function bankLine(db: PrismaClient, orgId: string): Promise<string[]> {
  const ids = new Set(await bankWithDescendants(db, orgId));
  let parent = (await db.organization.findUnique({ where: { id: orgId }, select: { parentId: true } }))?.parentId ?? null;
  for (let depth = 0; parent && depth < 5; depth++) {
    ids.add(parent);
    parent = (await db.organization.findUnique({ where: { id: parent }, select: { parentId: true } }))?.parentId ?? null;
  }
  return [...ids];
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
  const ranking = await db.ranking.findFirst({
    where: { period: "YEAR", status: "PUBLISHED", ...(options.programId ? { programId: options.programId } : {}) },
    orderBy: [{ year: "desc" }, { publishedAt: "desc" }],
    select: { id: true, year: true, snapshot: true },
  });
  if (!ranking) return null;
  const snapshot = readSnapshot(ranking.snapshot);
  const topListSize = snapshot.topListSize ?? 0;
  const only = area === "bank" ? await bankLine(db, actor.orgId) : null;
  const entries = await db.rankingEntry.findMany({
    where: { rankingId: ranking.id, ...(only ? { bankOrgId: { in: only } } : {}) },
    orderBy: [{ rank: "asc" }, { bankOrgId: "asc" }],
    select: { bankOrgId: true, rank: true, totalScore: true, bottomList: true, bank: { select: { name: true } } },
  });
  return {
    rankingId: ranking.id,
    year: ranking.year,
    bottomListSize: snapshot.bottomListSize,
    topListSize,
    rows: entries.map((e) => ({
      bankOrgId: e.bankOrgId,
      bankName: e.bank.name,
      rank: e.rank,
      totalScore: e.totalScore.toFixed(2),
      top: e.rank <= topListSize,
      bottom: e.bottomList,
    })),
  };
}
