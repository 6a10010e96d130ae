/**
 * The key-enterprise lists the actor may see, newest year first, a keyset page at a
 * time, each with its coverage (read from the tally for the page's lists only). The
 * offices see every list; a bank the lists handed over with members assigned to it.
 * Index: KeyList(year desc, createdAt desc, id desc).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { keyDate, keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import { coveredBanksOf, readKeyListCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import { EMPTY_COVERAGE, type TCoverage } from "@/lib/key-lists/rules";
import { z } from "zod";

export const KEY_LIST_PAGE_SIZE = 25;

export type TKeyListRow = {
  id: string;
  year: number;
  name: string;
  sourceTag: string | null;
  status: KeyListStatus;
  createdAt: Date;
  coverage: TCoverage;
};

const COLUMNS: readonly TKeyColumn[] = [
  { field: "year", direction: "desc" },
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([z.number().int(), keyDate, keyUuid]);

export async function listKeyLists(
  db: PrismaClient,
  actor: TActorSource,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TKeyListRow>> {
  const banks = await coveredBanksOf(db, actor);
  if (banks !== null && banks.length === 0) return { rows: [], next: null, previous: null };
  // A bank: the lists handed over on which it has members (from the tally, a few rows).
  const scope: Prisma.KeyListWhereInput =
    banks === null
      ? {}
      : {
          status: { not: KeyListStatus.DRAFT },
          id: {
            in: (
              await db.keyListTally.findMany({ where: { bankKey: { in: [...banks] }, members: { gt: 0 } }, select: { listId: true } })
            ).map((t) => t.listId),
          },
        };
  const page = await readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: Omit<TKeyListRow, "coverage">) => [r.year, r.createdAt, r.id],
        read: (q) =>
          db.keyList.findMany({
            where: q.where ? { AND: [scope, q.where] } : scope,
            orderBy: q.orderBy as Prisma.KeyListOrderByWithRelationInput[],
            take: q.take,
            select: { id: true, year: true, name: true, sourceTag: true, status: true, createdAt: true },
          }),
      },
    ],
    cursor,
    KEY_LIST_PAGE_SIZE,
  );
  const coverage = new Map(
    (await readKeyListCoverage(db, actor, { listIds: page.rows.map((r) => r.id) })).map((c) => [c.listId, c.coverage]),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, coverage: coverage.get(r.id) ?? EMPTY_COVERAGE })) };
}
