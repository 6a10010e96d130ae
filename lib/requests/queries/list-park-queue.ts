import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus, type RequestType } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import type { TDeadlineState } from "@/lib/requests/deadline-state";
import { parkReviewState } from "@/lib/requests/park-review-deadline";
import { cappedCount, cappedCountArgs, keyNullableDate, keyUuid, readFilteredPage } from "@/lib/pagination/keyset";
import type { TCappedCount, TFilteredRead, TKeyColumn, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";
import { z } from "zod";
import { REQUEST_PAGE_SIZE } from "../list-filters";

export type TParkQueueRow = {
  id: string;
  serial: string;
  type: RequestType;
  title: string;
  amountFen: string | null;
  enterpriseName: string;
  submittedAt: Date | null;
  /** The park's review deadline (园区审核期限) and its colour at `now`: the bank inbox's rule. */
  parkDueAt: Date | null;
  parkDueProvisional: boolean;
  deadline: TDeadlineState | null;
};

export type TParkQueue = TKeysetPage<TParkQueueRow> & { total: TCappedCount; pageSize: number };

// Oldest submission first, id breaking ties: Request(parkId, status, submittedAt, id).
const COLUMNS: readonly TKeyColumn[] = [
  { field: "submittedAt", direction: "asc", nullable: true },
  { field: "id", direction: "asc" },
];
const CURSOR = z.tuple([keyNullableDate, keyUuid]);

/**
 * The park window's review queue: its park's SUBMITTED items, oldest submission first
 * (first come, first served), keyset-paged. Only for those who may forward; scoped to
 * the actor's park. Each row carries its review deadline's colour at `now`.
 */
export async function listParkQueue(
  db: PrismaClient,
  actor: TActorSource,
  cursor: TPageCursor | null = null,
  options: { now?: Date; calendar?: WorkingCalendar } = {},
): Promise<TParkQueue> {
  const empty: TParkQueue = { rows: [], next: null, previous: null, total: cappedCount(0), pageSize: REQUEST_PAGE_SIZE };
  if (!canActor(actorOf(actor), "requests.forward")) return empty;
  const scope = requestScope(actorOf(actor), await loadScopeContext(db, actor));
  if (isNothing(scope)) return empty;
  const where: Prisma.RequestWhereInput = { AND: [scope, { status: RequestStatus.SUBMITTED }] };
  const now = options.now ?? new Date();
  const [page, total, calendar] = await Promise.all([
    readFilteredPage(
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TParkQueueRow) => [r.submittedAt, r.id],
        where,
        find: async (q: TFilteredRead<Prisma.RequestWhereInput, Prisma.RequestOrderByWithRelationInput>): Promise<TParkQueueRow[]> => {
          const rows = await db.request.findMany({
            ...q,
            select: {
              id: true,
              serial: true,
              type: true,
              title: true,
              amountFen: true,
              submittedAt: true,
              parkDueAt: true,
              parkDueProvisional: true,
              enterprise: { select: { name: true } },
            },
          });
          return rows.map((r) => ({
            id: r.id,
            serial: r.serial,
            type: r.type,
            title: r.title,
            amountFen: r.amountFen?.toString() ?? null,
            enterpriseName: r.enterprise.name,
            submittedAt: r.submittedAt,
            parkDueAt: r.parkDueAt,
            parkDueProvisional: r.parkDueProvisional,
            deadline: null,
          }));
        },
      },
      cursor,
      REQUEST_PAGE_SIZE,
    ),
    db.request.count(cappedCountArgs<Prisma.RequestWhereInput, Prisma.RequestOrderByWithRelationInput>(where, COLUMNS)),
    options.calendar ?? loadWorkingCalendar(db),
  ]);
  const rows = page.rows.map((r) => ({ ...r, deadline: parkReviewState(r.parkDueAt, now, calendar) }));
  return { ...page, rows, total: cappedCount(total), pageSize: REQUEST_PAGE_SIZE };
}
