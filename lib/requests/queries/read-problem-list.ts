import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { keysetOrderBy, keysetWhere } from "@/lib/pagination/keyset";
import type { TProblemListRow } from "../problem-list";
import type { TRequestListFilters } from "../list-filters";
import { REQUEST_LIST_ORDER, REQUEST_LIST_SELECT, requestListRow, requestListWhere } from "./list-requests";

/** Rows read per statement: enough to keep round trips few, small enough to hold twice. */
export const PROBLEM_LIST_BATCH = 1_000;
/** The most rows one workbook holds (the finance office's unfiltered city list is the largest). */
export const PROBLEM_LIST_MAX_ROWS = 100_000;
/**
 * The most rows one PDF holds: a PDF is for printing and filing (5,000 rows is some 250
 * pages), and laying out Chinese text costs about a millisecond a row, so a city-wide
 * list is read in Excel or printed in parts (by park, status or type).
 */
export const PROBLEM_LIST_PDF_MAX_ROWS = 5_000;

// The list's row and what the official list adds: the USCC, the forwarding, the first
// answer and its kind and text, the closing.
const select = {
  ...REQUEST_LIST_SELECT,
  forwardedAt: true,
  firstAnsweredAt: true,
  answerKind: true,
  answer: true,
  closedAt: true,
  enterprise: { select: { name: true, uscc: true } },
} satisfies Prisma.RequestSelect;

/**
 * The problem list (问题清单) the actor may download, with the screen's scope, filters and
 * order (requestListWhere, REQUEST_LIST_ORDER), read in keyset batches so a park's
 * thousands of items or the city's list never sit in memory as one result: each batch is
 * handed on (to the workbook or PDF writer) before the next is read. Stops after
 * `maxRows`; `state.capped` then tells the caller the file is not the whole list.
 */
export async function* readProblemList(
  db: PrismaClient,
  actor: TActorSource,
  filters: TRequestListFilters,
  opts: { now?: Date; batch?: number; maxRows?: number; state?: { rows: number; capped: boolean } } = {},
): AsyncGenerator<TProblemListRow[]> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? PROBLEM_LIST_BATCH;
  const maxRows = opts.maxRows ?? PROBLEM_LIST_MAX_ROWS;
  const state = opts.state ?? { rows: 0, capped: false };
  const where = await requestListWhere(db, actor, filters, now);
  if (!where) return;
  const orderBy = keysetOrderBy(REQUEST_LIST_ORDER) as Prisma.RequestOrderByWithRelationInput[];
  let after: [Date, string] | null = null;
  for (;;) {
    const take = Math.min(batch, maxRows + 1 - state.rows);
    const rows: Prisma.RequestGetPayload<{ select: typeof select }>[] = await db.request.findMany({
      where: after ? { AND: [where, keysetWhere(REQUEST_LIST_ORDER, after) as Prisma.RequestWhereInput] } : where,
      orderBy,
      take,
      select,
    });
    const room = maxRows - state.rows;
    const out = rows.slice(0, room).map(toRow);
    state.rows += out.length;
    if (out.length > 0) yield out;
    if (rows.length > room) {
      state.capped = true;
      return;
    }
    if (rows.length < take) return;
    const last = rows[rows.length - 1]!;
    after = [last.updatedAt, last.id];
  }
}

/**
 * Whether the actor may ask for a park's problem list by name (the `park` filter): a park
 * only for its own, the finance office and the central bank for any park that exists.
 * Another park's list is "not found", not an empty file.
 */
export async function problemListParkAllowed(db: PrismaClient, actor: TActorSource, parkId: string): Promise<boolean> {
  if (areaOfRole(actor.role) === "park") return (await loadScopeContext(db, actor)).parkId === parkId;
  return (await db.park.count({ where: { id: parkId } })) > 0;
}

function toRow(r: Prisma.RequestGetPayload<{ select: typeof select }>): TProblemListRow {
  return {
    ...requestListRow(r),
    uscc: r.enterprise.uscc,
    forwardedAt: r.forwardedAt,
    firstAnsweredAt: r.firstAnsweredAt ?? r.answeredAt,
    answerKind: r.answerKind,
    answer: r.answer,
    closedAt: r.closedAt,
  };
}
