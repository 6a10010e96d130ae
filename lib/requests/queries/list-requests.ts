import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
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
} from "@/lib/pagination/keyset";
import { z } from "zod";
import { REQUEST_PAGE_SIZE, type TRequestListFilters } from "../list-filters";
import { RUNNING_DEADLINE_STATUSES } from "../mutations/recompute-deadlines";

export type TRequestListRow = {
  id: string;
  serial: string;
  type: RequestType;
  status: RequestStatus;
  title: string;
  amountFen: string | null;
  enterpriseName: string;
  parkName: string;
  assignedBankName: string | null;
  submittedAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  updatedAt: Date;
};

export type TRequestList = TKeysetPage<TRequestListRow> & { total: TCappedCount; pageSize: number };

// Newest change first; id breaks ties so the order is total (a keyset needs that).
// Served by Request(updatedAt, id) and, for a park, Request(parkId, updatedAt, id).
export const REQUEST_LIST_ORDER: readonly TKeyColumn[] = [
  { field: "updatedAt", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

// What a list row reads; the problem-list download reads these and a few more.
export const REQUEST_LIST_SELECT = {
  id: true,
  serial: true,
  type: true,
  status: true,
  title: true,
  amountFen: true,
  submittedAt: true,
  dueAt: true,
  answeredAt: true,
  updatedAt: true,
  enterprise: { select: { name: true } },
  park: { select: { org: { select: { name: true, shortName: true } } } },
  assignedBank: { select: { name: true } },
} satisfies Prisma.RequestSelect;

/**
 * One page of the items the actor may see (requestScope: the enterprise its own with
 * drafts, the park its park's, a bank what is assigned or copied to it, the finance
 * office and central bank everything submitted), newest change first, filtered by
 * status, type and a search in serial or title; keyset-paged from `filters.cursor`, with
 * a total capped at COUNT_CAP.
 */
export async function listRequests(
  db: PrismaClient,
  actor: TActorSource,
  filters: TRequestListFilters,
  now: Date = new Date(),
): Promise<TRequestList> {
  const empty: TRequestList = { rows: [], next: null, previous: null, total: cappedCount(0), pageSize: REQUEST_PAGE_SIZE };
  const where = await requestListWhere(db, actor, filters, now);
  if (!where) return empty;
  const [page, total] = await Promise.all([
    readKeysetPage(
      [
        {
          columns: REQUEST_LIST_ORDER,
          cursor: CURSOR,
          keyOf: (r: TRequestListRow) => [r.updatedAt, r.id],
          read: async (q) => {
            const rows = await db.request.findMany({
              where: q.where ? { AND: [where, q.where] } : where,
              orderBy: q.orderBy as Prisma.RequestOrderByWithRelationInput[],
              take: q.take,
              select: REQUEST_LIST_SELECT,
            });
            return rows.map(requestListRow);
          },
        },
      ],
      filters.cursor,
      REQUEST_PAGE_SIZE,
    ),
    // In the list's order, so the count walks the same index as the page and stops early.
    db.request.count({
      where,
      orderBy: keysetOrderBy(REQUEST_LIST_ORDER) as Prisma.RequestOrderByWithRelationInput[],
      take: COUNT_CAP + 1,
    }),
  ]);
  return { ...page, total: cappedCount(total), pageSize: REQUEST_PAGE_SIZE };
}

/**
 * The list's where: the actor's scope and the screen's filters, or null when the actor may
 * see no item at all. The problem-list download reads the same where, so a file holds
 * exactly what the screen lists.
 */
export async function requestListWhere(
  db: PrismaClient,
  actor: TActorSource,
  filters: TRequestListFilters,
  now: Date,
): Promise<Prisma.RequestWhereInput | null> {
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return null;
  return {
    AND: [
      scope,
      filters.status ? { status: filters.status } : {},
      filters.type ? { type: filters.type } : {},
      filters.q
        ? { OR: [{ serial: { contains: filters.q, mode: "insensitive" } }, { title: { contains: filters.q, mode: "insensitive" } }] }
        : {},
      // Narrowing filters only: the scope above still decides what may be seen.
      filters.bank
        ? {
            OR: [
              { assignedBankId: filters.bank },
              { assignedBank: { parentId: filters.bank } },
              { assignedBank: { parent: { parentId: filters.bank } } },
            ],
          }
        : {},
      filters.park ? { parkId: filters.park } : {},
      filters.overdue ? { status: { in: [...RUNNING_DEADLINE_STATUSES] }, answeredAt: null, dueAt: { lt: now } } : {},
    ],
  };
}

/** A list row from what REQUEST_LIST_SELECT read. */
export function requestListRow(r: Prisma.RequestGetPayload<{ select: typeof REQUEST_LIST_SELECT }>): TRequestListRow {
  return {
    id: r.id,
    serial: r.serial,
    type: r.type,
    status: r.status,
    title: r.title,
    amountFen: r.amountFen?.toString() ?? null,
    enterpriseName: r.enterprise.name,
    parkName: r.park.org.shortName ?? r.park.org.name,
    assignedBankName: r.assignedBank?.name ?? null,
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
    answeredAt: r.answeredAt,
    updatedAt: r.updatedAt,
  };
}
