/**
 * A bank user's inbox (待办): the items assigned to its bank or one of its branches whose
 * reply clock runs (FORWARDED, SIGNED, ESCALATED not yet answered), then those it answered
 * in the last 30 days; and, apart, the items it was only copied on (抄送, read-only).
 * Each item carries its deadline colour at `now` (deadlineState: one definition with the
 * deadline job). Red first, then by dueAt; paginated.
 *
 * Scoped: the bank ids come from the actor's own organization (loadScopeContext), and
 * every where is ANDed with requestScope. Anyone who is not a bank user gets empty lists.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus, RequestType, RouteRole } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage, requestScope } from "@/lib/auth/scopes";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { deadlineState, type TDeadlineState } from "../deadline-state";
import { compareInboxItems, pageCount, pageWindows } from "../inbox-order";

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
  /** Null when the reply clock no longer runs (answered). */
  deadline: TDeadlineState | null;
};

export type TInboxPage = { items: TInboxItem[]; total: number; page: number; pages: number };
export type TBankInbox = { assigned: TInboxPage; copies: TInboxPage };

export type TInboxOptions = { page?: number; copiesPage?: number; pageSize?: number; now?: Date; calendar?: WorkingCalendar };

const select = {
  id: true, serial: true, title: true, type: true, status: true, amountFen: true,
  forwardedAt: true, dueAt: true, dueProvisional: true, answeredAt: true,
  enterprise: { select: { name: true } },
  park: { select: { org: { select: { name: true } } } },
  assignedBank: { select: { name: true } },
} satisfies Prisma.RequestSelect;

type TRow = Prisma.RequestGetPayload<{ select: typeof select }>;

const running = (): Prisma.RequestWhereInput => ({
  answeredAt: null,
  status: { in: [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED] },
});

const empty = (page: number): TInboxPage => ({ items: [], total: 0, page, pages: 1 });

export async function listBankInbox(db: PrismaClient, user: TActorSource, options: TInboxOptions = {}): Promise<TBankInbox> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const page = options.page ?? 1;
  const copiesPage = options.copiesPage ?? 1;
  const actor = actorOf(user);
  const ctx = await loadScopeContext(db, user);
  const banks = bankCoverage(actor, ctx.bankOrgIds);
  if (banks.length === 0) return { assigned: empty(page), copies: empty(copiesPage) };
  const scope = requestScope(actor, ctx);

  const mine: Prisma.RequestWhereInput = { AND: [scope, { assignedBankId: { in: banks } }] };
  const whereRunning: Prisma.RequestWhereInput = { AND: [mine, running()] };
  const whereAnswered: Prisma.RequestWhereInput = {
    AND: [mine, { status: RequestStatus.ANSWERED, answeredAt: { gte: new Date(now.getTime() - RECENT_ANSWER_MS) } }],
  };
  // Copied on, and not (also) responsible: an item assigned to the bank belongs in the first list.
  const whereCopies: Prisma.RequestWhereInput = {
    AND: [
      scope,
      { routes: { some: { bankOrgId: { in: banks }, role: RouteRole.COPY } } },
      { OR: [{ assignedBankId: null }, { assignedBankId: { notIn: banks } }] },
    ],
  };

  const [runningTotal, answeredTotal, copiesTotal, calendar] = await Promise.all([
    db.request.count({ where: whereRunning }),
    db.request.count({ where: whereAnswered }),
    db.request.count({ where: whereCopies }),
    options.calendar ?? loadWorkingCalendar(db),
  ]);
  const [runningWindow, answeredWindow] = pageWindows([runningTotal, answeredTotal], page, pageSize);
  const copiesWindow = pageWindows([copiesTotal], copiesPage, pageSize)[0]!;
  const read = (where: Prisma.RequestWhereInput, orderBy: Prisma.RequestOrderByWithRelationInput[], w: { skip: number; take: number }) =>
    w.take === 0 ? Promise.resolve([] as TRow[]) : db.request.findMany({ where, orderBy, skip: w.skip, take: w.take, select });
  const [runningRows, answeredRows, copyRows] = await Promise.all([
    read(whereRunning, [{ dueAt: { sort: "asc", nulls: "last" } }, { serial: "asc" }], runningWindow!),
    read(whereAnswered, [{ answeredAt: "desc" }, { serial: "asc" }], answeredWindow!),
    read(whereCopies, [{ forwardedAt: { sort: "desc", nulls: "last" } }, { serial: "desc" }], copiesWindow),
  ]);

  const toItem = (r: TRow): TInboxItem => ({
    id: r.id, serial: r.serial, title: r.title, type: r.type, status: r.status,
    amountFen: r.amountFen?.toString() ?? null,
    enterpriseName: r.enterprise.name, parkName: r.park.org.name, bankName: r.assignedBank?.name ?? null,
    forwardedAt: r.forwardedAt, dueAt: r.dueAt, dueProvisional: r.dueProvisional, answeredAt: r.answeredAt,
    deadline: r.dueAt && r.answeredAt === null && isRunningStatus(r.status) ? deadlineState(r.dueAt, now, calendar) : null,
  });
  const items = [...runningRows.map(toItem).sort(compareInboxItems), ...answeredRows.map(toItem)];
  return {
    assigned: { items, total: runningTotal + answeredTotal, page, pages: pageCount(runningTotal + answeredTotal, pageSize) },
    copies: { items: copyRows.map(toItem), total: copiesTotal, page: copiesPage, pages: pageCount(copiesTotal, pageSize) },
  };
}

function isRunningStatus(status: RequestStatus): boolean {
  return status === RequestStatus.FORWARDED || status === RequestStatus.SIGNED || status === RequestStatus.ESCALATED;
}
