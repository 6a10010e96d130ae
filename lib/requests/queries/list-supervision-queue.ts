/**
 * The supervision queue (督办) of the finance office and the central bank branch, in four
 * tabs (supervision-tabs.ts says what each holds). Counts for every tab
 * (countSupervisionTabs), one keyset page of the chosen tab (lib/pagination/keyset.ts).
 *
 * Only the finance office and the central bank see it (both read every submitted item):
 * for anyone else — banks, parks, enterprises, an incoherent actor — the query answers
 * an empty queue with zero counts, as a scope that matches nothing would
 * (`maySeeSupervisionQueue` tells a page to answer "not found" instead).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AnswerKind, EscalationReason, LedgerAction, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { requestScope } from "@/lib/auth/scopes";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import {
  keyDate,
  keyNullableDate,
  keyText,
  readKeysetPage,
  readMergedBranches,
  inKeyOrder,
  type TKeyColumn,
  type TKeysetQuery,
  type TKeyValue,
  type TPageCursor,
} from "@/lib/pagination/keyset";
import { z } from "zod";
import { deadlineState, type TDeadlineState } from "../deadline-state";
import { shanghaiQuarter, type TQuarter } from "../quarter";
import { countSupervisionTabs } from "./count-supervision-tabs";
import {
  RUNNING_STATUSES,
  maySeeSupervisionQueue,
  supervisionBranches,
  supervisionTabWhere,
  type TSupervisionTab,
} from "@/lib/requests/supervision-tabs";

export { SUPERVISION_TABS, isSupervisionTab, maySeeSupervisionQueue, type TSupervisionTab } from "@/lib/requests/supervision-tabs";
export const SUPERVISION_PAGE_SIZE = 20;

export type TSupervisionItem = {
  id: string;
  serial: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  escalatedAt: Date | null;
  escalationReason: EscalationReason | null;
  remindedAt: Date | null;
  inBulletin: boolean;
  answerKind: AnswerKind | null;
  returnReason: string | null;
  returnDisputedAt: Date | null;
  returnDisputeNote: string | null;
  /** Running and past dueAt: the colour and working days overdue (negative workingDaysLeft). */
  deadline: TDeadlineState | null;
  daysOverdue: number | null;
  /** When it went on the bulletin (bulletin tab) or was withdrawn (withdrawals tab). */
  eventAt: Date | null;
};

export type TSupervisionQueue = {
  tab: TSupervisionTab;
  quarter: TQuarter;
  counts: Record<TSupervisionTab, number>;
  items: TSupervisionItem[];
  /** The tab's count. */
  total: number;
  /** Cursor tokens of the pages around this one; null when there is none. */
  next: string | null;
  previous: string | null;
};

export type TSupervisionOptions = {
  tab?: TSupervisionTab;
  cursor?: TPageCursor | null;
  pageSize?: number;
  now?: Date;
  calendar?: WorkingCalendar;
};

// Each tab's order, made total by the serial (a keyset needs that), and its cursor's types.
const ORDER: Record<TSupervisionTab, { columns: readonly TKeyColumn[]; cursor: z.ZodType<TKeyValue[]> }> = {
  supervision: {
    columns: [
      { field: "dueAt", direction: "asc", nullable: true },
      { field: "escalatedAt", direction: "asc", nullable: true },
      { field: "serial", direction: "asc" },
    ],
    cursor: z.tuple([keyNullableDate, keyNullableDate, keyText]),
  },
  // The tab's where requires returnDisputedAt.
  disputes: {
    columns: [
      { field: "returnDisputedAt", direction: "asc" },
      { field: "serial", direction: "asc" },
    ],
    cursor: z.tuple([keyDate, keyText]),
  },
  withdrawals: {
    columns: [
      { field: "updatedAt", direction: "asc" },
      { field: "serial", direction: "asc" },
    ],
    cursor: z.tuple([keyDate, keyText]),
  },
  bulletin: { columns: [{ field: "serial", direction: "asc" }], cursor: z.tuple([keyText]) },
};

const EVENT_OF_TAB: Partial<Record<TSupervisionTab, LedgerAction>> = {
  bulletin: LedgerAction.BULLETIN,
  withdrawals: LedgerAction.WITHDRAW,
};

const select = {
  id: true,
  serial: true,
  title: true,
  type: true,
  status: true,
  dueAt: true,
  dueProvisional: true,
  answeredAt: true,
  escalatedAt: true,
  escalationReason: true,
  remindedAt: true,
  inBulletin: true,
  answerKind: true,
  returnReason: true,
  returnDisputedAt: true,
  returnDisputeNote: true,
  updatedAt: true,
  enterprise: { select: { name: true } },
  park: { select: { org: { select: { name: true } } } },
  assignedBank: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type TRow = Prisma.RequestGetPayload<{ select: typeof select }> & { ledger?: { occurredAt: Date }[] };

// The columns of every tab's order, and the id to read a page's rows by.
const KEY_SELECT = {
  id: true,
  dueAt: true,
  escalatedAt: true,
  returnDisputedAt: true,
  updatedAt: true,
  serial: true,
} satisfies Prisma.RequestSelect;
type TKeyRow = Prisma.RequestGetPayload<{ select: typeof KEY_SELECT }>;

export async function listSupervisionQueue(
  db: PrismaClient,
  user: TActorSource,
  options: TSupervisionOptions = {},
): Promise<TSupervisionQueue> {
  const now = options.now ?? new Date();
  const tab = options.tab ?? "supervision";
  const pageSize = options.pageSize ?? SUPERVISION_PAGE_SIZE;
  const quarter = shanghaiQuarter(now);
  const actor = actorOf(user);
  const none = { tab, quarter, items: [], total: 0, next: null, previous: null };
  if (!maySeeSupervisionQueue(actor)) return { ...none, counts: { supervision: 0, disputes: 0, withdrawals: 0, bulletin: 0 } };

  const scope = requestScope(actor);
  const where: Prisma.RequestWhereInput = { AND: [scope, supervisionTabWhere(tab, now, quarter)] };
  const event = EVENT_OF_TAB[tab];
  const { columns, cursor } = ORDER[tab];
  const keyOf = (r: TKeyRow) => columns.map((c) => r[c.field as keyof TKeyRow]);
  const rowSelect = {
    ...select,
    ledger: event ? { where: { action: event }, orderBy: { seq: "desc" as const }, take: 1, select: { occurredAt: true } } : false,
  } satisfies Prisma.RequestSelect;
  const within = (base: Prisma.RequestWhereInput, q: TKeysetQuery): Prisma.RequestWhereInput => (q.where ? { AND: [base, q.where] } : base);

  // The supervision tab reads its keys branch by branch (each in order from an index) and
  // then the page's rows by id; the other tabs have one plain filter.
  const read = async (q: TKeysetQuery): Promise<TRow[]> => {
    const orderBy = q.orderBy as Prisma.RequestOrderByWithRelationInput[];
    if (tab !== "supervision") return db.request.findMany({ where: within(where, q), orderBy, take: q.take, select: rowSelect });
    const keys = await readMergedBranches(
      q,
      columns,
      keyOf,
      supervisionBranches(now).map(
        (branch) => (b: TKeysetQuery) =>
          db.request.findMany({ where: within({ AND: [scope, branch] }, b), orderBy, take: b.take, select: KEY_SELECT }),
      ),
    );
    return inKeyOrder(keys, await db.request.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: rowSelect }));
  };

  const [counts, page, calendar] = await Promise.all([
    countSupervisionTabs(db, user, now),
    readKeysetPage<TRow>([{ columns, cursor, keyOf, read }], options.cursor ?? null, pageSize),
    options.calendar ?? loadWorkingCalendar(db),
  ]);

  const items = page.rows.map((r): TSupervisionItem => {
    const overdue = r.dueAt !== null && r.answeredAt === null && RUNNING_STATUSES.includes(r.status) && now > r.dueAt;
    const deadline = overdue && r.dueAt ? deadlineState(r.dueAt, now, calendar) : null;
    return {
      id: r.id,
      serial: r.serial,
      title: r.title,
      type: r.type,
      status: r.status,
      enterpriseName: r.enterprise.name,
      parkName: r.park.org.name,
      bankName: r.assignedBank?.name ?? null,
      dueAt: r.dueAt,
      dueProvisional: r.dueProvisional,
      escalatedAt: r.escalatedAt,
      escalationReason: r.escalationReason,
      remindedAt: r.remindedAt,
      inBulletin: r.inBulletin,
      answerKind: r.answerKind,
      returnReason: r.returnReason,
      returnDisputedAt: r.returnDisputedAt,
      returnDisputeNote: r.returnDisputeNote,
      deadline,
      daysOverdue: deadline ? -deadline.workingDaysLeft : null,
      eventAt: r.ledger?.[0]?.occurredAt ?? null,
    };
  });
  return { tab, quarter, counts, items, total: counts[tab], next: page.next, previous: page.previous };
}
