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
import { cappedCount, cappedCountArgs, newestFirst, readFilteredPage } from "@/lib/pagination/keyset";
import type { TCappedCount, TFilteredRead, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";
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
/** A page without its list's total: the dashboard's latest few and the export's batches. */
export type TSummonsPage = TKeysetPage<TSummonsRow> & { pageSize: number };

const ORDER = newestFirst("openedAt");

export async function listSummons(
  db: PrismaClient,
  user: TActorSource,
  cursor: TPageCursor | null = null,
  options: { now?: Date; bankOrgId?: string; pageSize?: number } = {},
): Promise<TSummonsList> {
  const where = summonsWhere(user, options.bankOrgId);
  if (!where) return { ...emptyPage(options.pageSize), total: cappedCount(0) };
  const [page, total] = await Promise.all([
    readSummonsPage(db, where, cursor, options),
    db.summons.count(cappedCountArgs<Prisma.SummonsWhereInput, Prisma.SummonsOrderByWithRelationInput>(where, ORDER.columns)),
  ]);
  return { ...page, total: cappedCount(total) };
}

/** The same page as listSummons without counting the list: one statement, not two. */
export async function listSummonsPage(
  db: PrismaClient,
  user: TActorSource,
  cursor: TPageCursor | null = null,
  options: { now?: Date; bankOrgId?: string; pageSize?: number } = {},
): Promise<TSummonsPage> {
  const where = summonsWhere(user, options.bankOrgId);
  return where ? readSummonsPage(db, where, cursor, options) : emptyPage(options.pageSize);
}

const emptyPage = (pageSize = SUMMONS_PAGE_SIZE): TSummonsPage => ({ rows: [], next: null, previous: null, pageSize });

function summonsWhere(user: TActorSource, bankOrgId: string | undefined): Prisma.SummonsWhereInput | null {
  const scope = summonsScope(actorOf(user));
  if (isNothing(scope)) return null;
  return bankOrgId ? { AND: [scope, { bankOrgId }] } : scope;
}

async function readSummonsPage(
  db: PrismaClient,
  where: Prisma.SummonsWhereInput,
  cursor: TPageCursor | null,
  options: { now?: Date; pageSize?: number },
): Promise<TSummonsPage> {
  const pageSize = options.pageSize ?? SUMMONS_PAGE_SIZE;
  const today = shanghaiDateString(options.now ?? new Date());
  const read = () => readSummonsRows(db, where, cursor, pageSize);
  // The first page (the dashboards' latest few, the list as it opens) is kept per process
  // until a summons or a bank changes; whether a row is overdue depends on the day, so it
  // is worked out here at each view.
  const page = cursor === null ? await firstPages(db, `${pageSize}|${JSON.stringify(where)}`, read) : await read();
  return { ...page, rows: page.rows.map((r) => ({ ...r, overdue: isSummonsOverdue(r, today) })), pageSize };
}

const firstPages = revisionMemo<TKeysetPage<Omit<TSummonsRow, "overdue">>>("banks");

function readSummonsRows(
  db: PrismaClient,
  where: Prisma.SummonsWhereInput,
  cursor: TPageCursor | null,
  pageSize: number,
): Promise<TKeysetPage<Omit<TSummonsRow, "overdue">>> {
  return readFilteredPage(
    {
      ...ORDER,
      where,
      find: async (q: TFilteredRead<Prisma.SummonsWhereInput, Prisma.SummonsOrderByWithRelationInput>) => {
        const rows = await db.summons.findMany({
          ...q,
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
        return rows.map(({ bank, pbcCosignedAt, ...r }) => ({ ...r, bankName: bank.name, cosigned: pbcCosignedAt !== null }));
      },
    },
    cursor,
    pageSize,
  );
}
