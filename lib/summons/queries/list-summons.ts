/**
 * The summons list: newest first, keyset-paged on Summons(openedAt desc, id desc) — or
 * (bankOrgId, openedAt, id) for a bank's own — scoped by summonsScope (a bank sees only
 * its own). Each row says whether it is overdue today (rules.ts isSummonsOverdue).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SummonsSource, SummonsStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import {
  COUNT_CAP,
  cappedCount,
  keyDate,
  keysetOrderBy,
  keyUuid,
  readKeysetPage,
  type TCappedCount,
  type TKeyColumn,
  type TKeysetPage,
  type TPageCursor,
} from "@/lib/pagination/keyset";
import { z } from "zod";
import { isSummonsOverdue } from "../rules";
import { summonsScope } from "../scopes";

export const SUMMONS_PAGE_SIZE = 25;

export type TSummonsRow = {
  id: string;
  bankOrgId: string;
  bankName: string;
  source: SummonsSource;
  year: number;
  quarter: number | null;
  heldOn: Date;
  dueOn: Date;
  status: SummonsStatus;
  openedAt: Date;
  cosigned: boolean;
  overdue: boolean;
};

export type TSummonsList = TKeysetPage<TSummonsRow> & { total: TCappedCount; pageSize: number };

const COLUMNS: readonly TKeyColumn[] = [
  { field: "openedAt", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

export async function listSummons(
  db: PrismaClient,
  user: TActorSource,
  cursor: TPageCursor | null = null,
  options: { now?: Date; bankOrgId?: string; pageSize?: number } = {},
): Promise<TSummonsList> {
  const pageSize = options.pageSize ?? SUMMONS_PAGE_SIZE;
  const empty: TSummonsList = { rows: [], next: null, previous: null, total: cappedCount(0), pageSize };
  const scope = summonsScope(actorOf(user));
  if (isNothing(scope)) return empty;
  const where: Prisma.SummonsWhereInput = options.bankOrgId ? { AND: [scope, { bankOrgId: options.bankOrgId }] } : scope;
  const today = shanghaiDateString(options.now ?? new Date());
  const [page, total] = await Promise.all([
    readKeysetPage(
      [
        {
          columns: COLUMNS,
          cursor: CURSOR,
          keyOf: (r: TSummonsRow) => [r.openedAt, r.id],
          read: async (q) => {
            const rows = await db.summons.findMany({
              where: q.where ? { AND: [where, q.where] } : where,
              orderBy: q.orderBy as Prisma.SummonsOrderByWithRelationInput[],
              take: q.take,
              select: {
                id: true,
                bankOrgId: true,
                bank: { select: { name: true } },
                source: true,
                year: true,
                quarter: true,
                heldOn: true,
                dueOn: true,
                status: true,
                openedAt: true,
                pbcCosignedAt: true,
              },
            });
            return rows.map(({ bank, pbcCosignedAt, ...r }) => ({
              ...r,
              bankName: bank.name,
              cosigned: pbcCosignedAt !== null,
              overdue: isSummonsOverdue(r, today),
            }));
          },
        },
      ],
      cursor,
      pageSize,
    ),
    db.summons.count({ where, orderBy: keysetOrderBy(COLUMNS) as Prisma.SummonsOrderByWithRelationInput[], take: COUNT_CAP + 1 }),
  ]);
  return { ...page, total: cappedCount(total), pageSize };
}
