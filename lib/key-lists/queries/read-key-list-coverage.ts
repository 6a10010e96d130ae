/**
 * Coverage (contacted / members, by outcome) of key-enterprise lists, from the tally the
 * member triggers keep (KeyListTally): one grouped statement over a few rows per list and
 * bank, never over the members. A bank reads only its own banks' rows and only lists
 * handed over; the offices every row. Also the per-bank breakdown of one list. The
 * lists' coverage is kept per process under the key lists' cache revision.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyListStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
import { addCoverage, EMPTY_COVERAGE, keyListBankFilter, UNASSIGNED_BANK, type TCoverage } from "@/lib/key-lists/rules";

export type TListCoverage = { listId: string; name: string; year: number; status: KeyListStatus; coverage: TCoverage };
export type TBankCoverage = { bankOrgId: string | null; bankName: string | null; coverage: TCoverage };

const SUMS = { members: true, connected: true, hasNeed: true, creditGranted: true, noNeed: true } as const;

/** The actor's banks (null: every bank), or [] when it sees no list at all. */
export async function coveredBanksOf(db: PrismaClient, actor: TActorSource): Promise<readonly string[] | null> {
  const a = actorOf(actor);
  const covered = a.orgKind === "BANK" ? bankCoverage(a, (await loadScopeContext(db, actor)).bankOrgIds) : [];
  return keyListBankFilter(a, covered);
}

/** Each list's coverage, for the given lists (or every list of `year`), scoped to the actor. */
export async function readKeyListCoverage(
  db: PrismaClient,
  actor: TActorSource,
  which: { year: number } | { listIds: readonly string[] },
): Promise<TListCoverage[]> {
  const banks = await coveredBanksOf(db, actor);
  if (banks !== null && banks.length === 0) return [];
  const key = JSON.stringify([which, banks]);
  return coverageOfLists(db, key, async () => {
    const rows = await db.$queryRaw<(Omit<TListCoverage, "coverage"> & TCoverage)[]>`
      WITH lists AS (
        SELECT id, name, year, status, "createdAt" FROM "KeyList"
         WHERE ${"year" in which ? Prisma.sql`year = ${which.year}` : Prisma.sql`id = ANY(${[...which.listIds]}::uuid[])`}
               ${banks === null ? Prisma.empty : Prisma.sql`AND status <> 'DRAFT'`}
         ORDER BY "createdAt" DESC, id DESC LIMIT 200
      )
      SELECT l.id::text AS "listId", l.name, l.year, l.status::text AS status,
             coalesce(sum(t.members), 0)::int AS members, coalesce(sum(t.connected), 0)::int AS connected,
             coalesce(sum(t."hasNeed"), 0)::int AS "hasNeed", coalesce(sum(t."creditGranted"), 0)::int AS "creditGranted",
             coalesce(sum(t."noNeed"), 0)::int AS "noNeed"
        FROM lists l
        LEFT JOIN "KeyListTally" t ON t."listId" = l.id
              ${banks === null ? Prisma.empty : Prisma.sql`AND t."bankKey" = ANY(${[...banks]}::uuid[])`}
       GROUP BY l.id, l.name, l.year, l.status, l."createdAt"
       ORDER BY l."createdAt" DESC, l.id DESC`;
    return rows
      .map(({ listId, name, year, status, ...coverage }) => ({ listId, name, year, status, coverage }))
      .filter((l) => banks === null || l.coverage.members > 0);
  });
}

// Kept per process, by the lists asked for and the banks seen, until a list or its tally
// changes: the bank and finance dashboards show it on every view.
const coverageOfLists = revisionMemo<TListCoverage[]>("keyLists");

/** One list's coverage per bank (banks by name, the unassigned members last), scoped. */
export async function readKeyListBankCoverage(db: PrismaClient, actor: TActorSource, listId: string): Promise<TBankCoverage[]> {
  const banks = await coveredBanksOf(db, actor);
  if (banks !== null && banks.length === 0) return [];
  const rows = await db.keyListTally.findMany({
    where: { listId, members: { gt: 0 }, ...(banks === null ? {} : { bankKey: { in: [...banks] } }) },
    select: { bankKey: true, ...SUMS },
  });
  const names = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: rows.map((r) => r.bankKey).filter((k) => k !== UNASSIGNED_BANK) } },
        select: { id: true, name: true },
      })
    ).map((o) => [o.id, o.name]),
  );
  return rows
    .map(({ bankKey, ...c }) => ({
      bankOrgId: bankKey === UNASSIGNED_BANK ? null : bankKey,
      bankName: bankKey === UNASSIGNED_BANK ? null : (names.get(bankKey) ?? null),
      coverage: addCoverage(EMPTY_COVERAGE, c),
    }))
    .sort((a, b) => (a.bankName === null ? 1 : b.bankName === null ? -1 : a.bankName.localeCompare(b.bankName, "zh-CN")));
}
