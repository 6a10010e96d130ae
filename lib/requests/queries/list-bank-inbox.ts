/**
 * A bank user's inbox (待办), three lists shown one at a time: the items assigned to its bank
 * or one of its branches whose reply clock runs (FORWARDED, SIGNED, ESCALATED not yet
 * answered), then those it answered in the last 30 days; apart, the answers that asked for
 * documents (需补充材料) and wait for the enterprise, the oldest (closest to the enterprise's
 * limit) first; and the items it was only copied on (抄送, read-only).
 * Each item carries its deadline colour at `now` (deadlineState: one definition with the
 * deadline job). Red first, then by dueAt; keyset-paged (lib/pagination/keyset.ts), the
 * assigned list as two segments (running, then answered) so a page may span both.
 *
 * Scoped: the bank ids come from the actor's own organization (loadScopeContext), and
 * every where is ANDed with requestScope. Anyone who is not a bank user gets empty lists.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { AnswerKind, RequestStatus, RequestType, RouteRole } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, isNothing, requestScope } from "@/lib/auth/scopes";
import { countDeadlineBands } from "@/lib/read-models/queries/count-open-items";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { deadlineState, type TDeadlineState } from "../deadline-state";
import { documentsDueAt, documentsState } from "../documents-deadline";
import {
  COUNT_CAP,
  cappedCount,
  keyDate,
  keyNullableDate,
  keysetOrderBy,
  keyText,
  keyUuid,
  readKeysetPage,
  compareKeys,
  type TCappedCount,
  type TKeyColumn,
  type TKeysetPage,
  type TKeysetQuery,
  type TKeysetSegment,
  type TKeyValue,
  type TPageCursor,
} from "@/lib/pagination/keyset";
import { z } from "zod";
import { compareInboxItems } from "../inbox-order";
import { RUNNING_STATUSES } from "../supervision-tabs";

export const INBOX_PAGE_SIZE = 20;
const RECENT_ANSWER_MS = 30 * 86_400_000;

export type TInboxItem = {
  id: string;
  serial: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  amountFen: string | null;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  forwardedAt: Date | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  answeredAt: Date | null;
  /** Copies only: when the item reached the bank (its route's creation). */
  reachedBankAt?: Date;
  /** Null when the reply clock no longer runs (answered). */
  deadline: TDeadlineState | null;
  /** Waiting for the enterprise's documents: its limit, and that limit as a colour. */
  documentsDueAt: Date | null;
  documents: TDeadlineState | null;
};

/** One page of a list: its items, cursor tokens of the pages around it, the list's (capped) size. */
export type TInboxPage = { items: TInboxItem[]; total: TCappedCount; next: string | null; previous: string | null };
/** The inbox's two lists: what the bank must handle, and what it was only copied on. */
export const INBOX_LISTS = ["assigned", "awaitingEnterprise", "copies"] as const;
export type TInboxList = (typeof INBOX_LISTS)[number];

/** One list's page, with both lists' (capped) totals for the tabs. */
export type TBankInbox = { list: TInboxList; page: TInboxPage; totals: Record<TInboxList, TCappedCount> };

export type TInboxOptions = { list?: TInboxList; cursor?: TPageCursor | null; pageSize?: number; now?: Date; calendar?: WorkingCalendar };

const select = {
  id: true,
  serial: true,
  title: true,
  type: true,
  status: true,
  amountFen: true,
  forwardedAt: true,
  dueAt: true,
  dueProvisional: true,
  answeredAt: true,
  answerKind: true,
  ruleVersion: { select: { supplementDeadlineDays: true } },
  enterprise: { select: { name: true } },
  park: { select: { org: { select: { name: true } } } },
  assignedBank: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type TRow = Prisma.RequestGetPayload<{ select: typeof select }>;

const copySelect = { id: true, createdAt: true, request: { select } } satisfies Prisma.RequestRouteSelect;
type TCopyRow = Prisma.RequestRouteGetPayload<{ select: typeof copySelect }>;

/** A running item as readRunning reads it: the row and the names it shows, flat. */
type TRunningRow = Omit<TRow, "ruleVersion" | "enterprise" | "park" | "assignedBank"> & {
  supplementDeadlineDays: number;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
};

// The orders of the three parts; serial breaks ties, so each order is total.
const RUNNING_KEY: readonly TKeyColumn[] = [
  { field: "dueAt", direction: "asc", nullable: true },
  { field: "serial", direction: "asc" },
];
// The answered part only holds rows with an answeredAt (its where says so).
const ANSWERED_KEY: readonly TKeyColumn[] = [
  { field: "answeredAt", direction: "desc" },
  { field: "serial", direction: "asc" },
];
// Waiting for documents: the oldest answer first, whose limit comes first (the limit is
// answeredAt plus the rule version's days, and one program's items share a version), on
// Request(assignedBankId, answerKind, status, answeredAt, serial, id).
const AWAITING_KEY: readonly TKeyColumn[] = [
  { field: "answeredAt", direction: "asc" },
  { field: "serial", direction: "asc" },
];
// Copies are read from the bank's routes, newest first: the route's createdAt is when the
// item reached the bank (forwarded with a copy to it, or reassigned away from it), and the
// index RequestRoute(bankOrgId, role, createdAt, id) serves the order without reading the
// bank's other copies.
const COPIES_KEY: readonly TKeyColumn[] = [
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
];

const emptyPage = (): TInboxPage => ({ items: [], total: cappedCount(0), next: null, previous: null });

export async function listBankInbox(db: PrismaClient, user: TActorSource, options: TInboxOptions = {}): Promise<TBankInbox> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  const list = options.list ?? "assigned";
  if (banks.length === 0)
    return { list, page: emptyPage(), totals: { assigned: cappedCount(0), awaitingEnterprise: cappedCount(0), copies: cappedCount(0) } };
  const scope = requestScope(actor, ctx);

  const mine: Prisma.RequestWhereInput = { AND: [scope, { assignedBankId: { in: banks } }] };
  // The recent answers leave out those waiting for the enterprise's documents: they have a
  // list of their own. (An answer without a kind stays: "not" alone would drop it, as SQL's
  // <> does with NULL.)
  const whereAnswered: Prisma.RequestWhereInput = {
    AND: [
      mine,
      {
        status: RequestStatus.ANSWERED,
        answeredAt: { gte: new Date(now.getTime() - RECENT_ANSWER_MS) },
        OR: [{ answerKind: null }, { answerKind: { not: AnswerKind.NEEDS_DOCUMENTS } }],
      },
    ],
  };
  const whereAwaiting: Prisma.RequestWhereInput = {
    AND: [mine, { answerKind: AnswerKind.NEEDS_DOCUMENTS, status: RequestStatus.ANSWERED }],
  };
  // Copied on, and not (also) responsible: an item assigned to the bank belongs in the first
  // list. The request's own scope still applies (a route never widens what a user sees).
  const whereCopies: Prisma.RequestRouteWhereInput = {
    bankOrgId: { in: banks },
    role: RouteRole.COPY,
    request: { AND: [scope, { OR: [{ assignedBankId: null }, { assignedBankId: { notIn: banks } }] }] },
  };
  const copies: TKeysetSegment<TCopyRow> = {
    columns: COPIES_KEY,
    cursor: z.tuple([keyDate, keyUuid]),
    keyOf: (r) => [r.createdAt, r.id],
    read: (q: TKeysetQuery) =>
      db.requestRoute.findMany({
        where: q.where ? { AND: [whereCopies, q.where] } : whereCopies,
        orderBy: q.orderBy as Prisma.RequestRouteOrderByWithRelationInput[],
        take: q.take,
        select: copySelect,
      }),
  };

  const segment = (
    where: Prisma.RequestWhereInput,
    columns: readonly TKeyColumn[],
    cursor: z.ZodType<(Date | string | null)[]>,
  ): TKeysetSegment<TRow> => ({
    columns,
    cursor,
    keyOf: (r) => columns.map((c) => r[c.field as "dueAt" | "answeredAt" | "forwardedAt" | "serial"]),
    read: (q: TKeysetQuery) =>
      db.request.findMany({
        where: q.where ? { AND: [where, q.where] } : where,
        orderBy: q.orderBy as Prisma.RequestOrderByWithRelationInput[],
        take: q.take,
        select,
      }),
  });
  const runningSegment: TKeysetSegment<TRow> = {
    columns: RUNNING_KEY,
    cursor: z.tuple([keyNullableDate, keyText]),
    keyOf: (r) => [r.dueAt, r.serial],
    read: (q: TKeysetQuery) => readRunning(db, banks, q),
  };
  // The running part's size comes from the open-items read model: for a bank user the scope
  // is "not a draft, and assigned to or copied to one of `banks`", so within the items
  // assigned to `banks` it adds nothing, and the read model counts exactly those.
  const countRunning = async () =>
    (await countDeadlineBands(db, { statuses: RUNNING_STATUSES, unanswered: true, bankIds: banks }, now, now)).total;

  // Only the list shown is read (a page of 20 rows, not 40), the other one only counted.
  const readPage = async (): Promise<TKeysetPage<TInboxItem>> => {
    const calendar = options.calendar ?? (await loadWorkingCalendar(db));
    const toItem = (r: TRow) => inboxItem(r, now, calendar);
    if (list === "copies") {
      const page = await readKeysetPage([copies], options.cursor ?? null, pageSize);
      return { ...page, rows: page.rows.map((c) => ({ ...toItem(c.request), reachedBankAt: c.createdAt })) };
    }
    if (list === "awaitingEnterprise") {
      const page = await readKeysetPage(
        [segment(whereAwaiting, AWAITING_KEY, z.tuple([keyDate, keyText]))],
        options.cursor ?? null,
        pageSize,
      );
      return { ...page, rows: page.rows.map(toItem) };
    }
    const page = await readKeysetPage(
      [runningSegment, segment(whereAnswered, ANSWERED_KEY, z.tuple([keyDate, keyText]))],
      options.cursor ?? null,
      pageSize,
    );
    // The database orders the running items by dueAt, which is the colour order while the
    // clock runs; compareInboxItems states the rule and keeps the running part of the page
    // in it. The answered part (status ANSWERED) stays in its own order, after them.
    const rows = page.rows.map(toItem);
    return {
      ...page,
      rows: [
        ...rows.filter((i) => i.status !== RequestStatus.ANSWERED).sort(compareInboxItems),
        ...rows.filter((i) => i.status === RequestStatus.ANSWERED),
      ],
    };
  };

  const [page, runningTotal, counted] = await Promise.all([
    readPage(),
    countRunning(),
    countOtherLists(db, banks, new Date(now.getTime() - RECENT_ANSWER_MS)),
  ]);
  const totals = {
    assigned: cappedCount(runningTotal + counted.answered),
    awaitingEnterprise: cappedCount(counted.awaiting),
    copies: cappedCount(counted.copies),
  };
  return { list, page: { items: page.rows, total: totals[list], next: page.next, previous: page.previous }, totals };
}

/**
 * The lists' totals other than the running items (those come from the open-items read
 * model), in one statement: the recent answers, the answers waiting for documents and the
 * copies, each capped at COUNT_CAP + 1 rows read in its list's order (so from the list's own
 * index; without the order a capped count may be planned as a scan). They equal the
 * lists' own wheres: within the items assigned to `banks` (or routed to them) a bank user's
 * request scope adds nothing, as for the running count; a route is PRIMARY exactly for the
 * bank the item is assigned to (routeToPrimary), so a COPY route of a single bank never
 * points at an item assigned to that bank, and only a bank covering branches must check the
 * item (one branch may hold a copy of an item assigned to another of its branches).
 */
async function countOtherLists(
  db: PrismaClient,
  banks: readonly string[],
  answeredSince: Date,
): Promise<{ answered: number; awaiting: number; copies: number }> {
  const cap = COUNT_CAP + 1;
  // "IN (…)" rather than "= ANY(array)": with one bank (the usual case) it is an equality,
  // and the index then also serves the order.
  const ids = Prisma.join(banks.map((id) => Prisma.sql`${id}::uuid`));
  const [row] = await db.$queryRaw<{ answered: number; awaiting: number; copies: number }[]>`
    SELECT
      (SELECT count(*) FROM (SELECT 1 FROM "Request" r
          WHERE r."assignedBankId" IN (${ids}) AND r."status" = 'ANSWERED' AND r."answeredAt" >= ${answeredSince}::timestamptz
            AND (r."answerKind" IS NULL OR r."answerKind" <> 'NEEDS_DOCUMENTS')
          ORDER BY r."answeredAt" DESC, r."serial" ASC LIMIT ${cap}) a)::int AS answered,
      (SELECT count(*) FROM (SELECT 1 FROM "Request" r
          WHERE r."assignedBankId" IN (${ids}) AND r."answerKind" = 'NEEDS_DOCUMENTS' AND r."status" = 'ANSWERED'
          ORDER BY r."answeredAt" ASC, r."serial" ASC LIMIT ${cap}) w)::int AS awaiting,
      (SELECT count(*) FROM (SELECT 1 FROM "RequestRoute" rr
          WHERE rr."bankOrgId" IN (${ids}) AND rr."role" = 'COPY'
            AND (${banks.length === 1} OR NOT EXISTS (
                  SELECT 1 FROM "Request" r WHERE r."id" = rr."requestId" AND r."assignedBankId" IN (${ids})))
          ORDER BY rr."createdAt" DESC, rr."id" DESC LIMIT ${cap}) c)::int AS copies`;
  return row ?? { answered: 0, awaiting: 0, copies: 0 };
}

function inboxItem(r: TRow, now: Date, calendar: WorkingCalendar): TInboxItem {
  const documentsDue =
    r.status === RequestStatus.ANSWERED && r.answerKind === AnswerKind.NEEDS_DOCUMENTS && r.answeredAt
      ? documentsDueAt(r.answeredAt, r.ruleVersion.supplementDeadlineDays, calendar)
      : null;
  return {
    id: r.id,
    serial: r.serial,
    title: r.title,
    type: r.type,
    status: r.status,
    amountFen: r.amountFen?.toString() ?? null,
    enterpriseName: r.enterprise.name,
    parkName: r.park.org.name,
    bankName: r.assignedBank?.name ?? null,
    forwardedAt: r.forwardedAt,
    dueAt: r.dueAt,
    dueProvisional: r.dueProvisional,
    answeredAt: r.answeredAt,
    deadline: r.dueAt && r.answeredAt === null && RUNNING_STATUSES.includes(r.status) ? deadlineState(r.dueAt, now, calendar) : null,
    documentsDueAt: documentsDue,
    documents: documentsDue ? documentsState(documentsDue, now, calendar) : null,
  };
}

/**
 * The first `take` running items of the inbox (red first, then by deadline) and nothing
 * else: what the bank's dashboard shows, without the inbox's other lists and totals.
 */
export async function listUrgentInboxItems(
  db: PrismaClient,
  user: TActorSource,
  options: { take: number; now: Date; calendar: WorkingCalendar },
): Promise<TInboxItem[]> {
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  const scope = requestScope(actor, ctx);
  if (banks.length === 0 || isNothing(scope)) return [];
  const rows = await readRunning(db, banks, {
    where: undefined,
    orderBy: keysetOrderBy(RUNNING_KEY),
    take: options.take,
    reversed: false,
  });
  return rows.map((r) => inboxItem(r, options.now, options.calendar)).sort(compareInboxItems);
}

/**
 * Running items assigned to `banks` (unanswered) in the running order, in one statement:
 * one branch per state, so that with the state an equality the index
 * Request(assignedBankId, status, dueAt, serial) reads each branch in the list's order (one
 * "status IN (…)" read had to fetch and sort every running item of the bank); each branch
 * keeps at most `take` keys, the merge the first `take` of them, and only those are joined
 * to the names the list shows. This is a dashboard's and the inbox's first read on every
 * view, so it is one plain join rather than a relation query per name. The rows are sorted
 * again here in the same order (compareKeys), which the join does not keep.
 *
 * No scope beyond the key filter: callers pass only the viewer's own bank coverage
 * (bankCoverage), and within the items assigned to those banks a bank user's request scope
 * ("not a draft, assigned or copied to one of its banks") adds nothing; running states are
 * never drafts. Anyone else has no coverage and reads nothing.
 */
async function readRunning(db: PrismaClient, banks: readonly string[], q: TKeysetQuery): Promise<TRow[]> {
  const ids = Prisma.join(banks.map((id) => Prisma.sql`${id}::uuid`));
  const order = q.reversed ? Prisma.sql`r."dueAt" DESC NULLS FIRST, r."serial" DESC` : Prisma.sql`r."dueAt" ASC NULLS LAST, r."serial" ASC`;
  const beyond = runningBeyond(q.key, q.reversed);
  const branches = RUNNING_STATUSES.map(
    (status) => Prisma.sql`(SELECT r."id", r."dueAt", r."serial" FROM "Request" r
      WHERE r."assignedBankId" IN (${ids}) AND r."status" = ${status}::"RequestStatus" AND r."answeredAt" IS NULL AND ${beyond}
      ORDER BY ${order} LIMIT ${q.take})`,
  );
  const rows = await db.$queryRaw<TRunningRow[]>`
    SELECT r."id"::text AS "id", r."serial", r."title", r."type"::text AS "type", r."status"::text AS "status", r."amountFen",
           r."forwardedAt", r."dueAt", r."dueProvisional", r."answeredAt", r."answerKind"::text AS "answerKind",
           v."supplementDeadlineDays", e."name" AS "enterpriseName", po."name" AS "parkName", b."name" AS "bankName"
      FROM (SELECT u."id" FROM (${Prisma.join(branches, " UNION ALL ")}) u
             ORDER BY ${q.reversed ? Prisma.sql`u."dueAt" DESC NULLS FIRST, u."serial" DESC` : Prisma.sql`u."dueAt" ASC NULLS LAST, u."serial" ASC`}
             LIMIT ${q.take}) k
      JOIN "Request" r ON r."id" = k."id"
      JOIN "ProgramRuleVersion" v ON v."id" = r."ruleVersionId"
      JOIN "Enterprise" e ON e."id" = r."enterpriseId"
      JOIN "Park" p ON p."id" = r."parkId"
      JOIN "Organization" po ON po."id" = p."orgId"
      LEFT JOIN "Organization" b ON b."id" = r."assignedBankId"`;
  return rows
    .sort((a, b) => compareKeys(RUNNING_KEY, [a.dueAt, a.serial], [b.dueAt, b.serial], q.reversed))
    .map((r) => ({
      id: r.id,
      serial: r.serial,
      title: r.title,
      type: r.type,
      status: r.status,
      amountFen: r.amountFen,
      forwardedAt: r.forwardedAt,
      dueAt: r.dueAt,
      dueProvisional: r.dueProvisional,
      answeredAt: r.answeredAt,
      answerKind: r.answerKind,
      ruleVersion: { supplementDeadlineDays: r.supplementDeadlineDays },
      enterprise: { name: r.enterpriseName },
      park: { org: { name: r.parkName } },
      assignedBank: r.bankName === null ? null : { name: r.bankName },
    }));
}

// The running keys strictly after `key` (before it, reading backwards), in RUNNING_KEY's
// order: dueAt ascending with nulls last, then serial. keysetWhere writes the same
// condition for Prisma.
function runningBeyond(key: readonly TKeyValue[] | undefined, reversed: boolean): Prisma.Sql {
  if (!key) return Prisma.sql`TRUE`;
  const [dueAt, serial] = key as [Date | null, string];
  if (!reversed)
    return dueAt === null
      ? Prisma.sql`(r."dueAt" IS NULL AND r."serial" > ${serial})`
      : Prisma.sql`(r."dueAt" > ${dueAt}::timestamptz OR r."dueAt" IS NULL OR (r."dueAt" = ${dueAt}::timestamptz AND r."serial" > ${serial}))`;
  return dueAt === null
    ? Prisma.sql`(r."dueAt" IS NOT NULL OR r."serial" < ${serial})`
    : Prisma.sql`(r."dueAt" < ${dueAt}::timestamptz OR (r."dueAt" = ${dueAt}::timestamptz AND r."serial" < ${serial}))`;
}
