/**
 * Coverage (contacted / members, by outcome) of key-enterprise lists, from the tally the
 * member triggers keep (KeyListTally): one grouped statement over a few rows per list and
 * bank, never over the members. A bank reads only its own banks' rows and only lists
 * handed over; the offices every row. Also the per-bank breakdown of one list.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
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
  const lists = await db.keyList.findMany({
    where: {
      ...("year" in which ? { year: which.year } : { id: { in: [...which.listIds] } }),
      ...(banks === null ? {} : { status: { not: KeyListStatus.DRAFT } }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, name: true, year: true, status: true },
  });
  if (lists.length === 0) return [];
  const sums = await db.keyListTally.groupBy({
    by: ["listId"],
    where: { listId: { in: lists.map((l) => l.id) }, ...(banks === null ? {} : { bankKey: { in: [...banks] } }) },
    _sum: SUMS,
  });
  const byList = new Map(sums.map((s) => [s.listId, s._sum]));
  return lists
    .map((l) => {
      const s = byList.get(l.id);
      const coverage: TCoverage = s
        ? {
            members: s.members ?? 0,
            connected: s.connected ?? 0,
            hasNeed: s.hasNeed ?? 0,
            creditGranted: s.creditGranted ?? 0,
            noNeed: s.noNeed ?? 0,
          }
        : EMPTY_COVERAGE;
      return { listId: l.id, name: l.name, year: l.year, status: l.status, coverage };
    })
    .filter((l) => banks === null || l.coverage.members > 0);
}

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
