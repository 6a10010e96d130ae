/**
 * The enterprise dashboard ("where are my requests?"): the enterprise's open items with
 * their progress, deadline and latest answer, the last few closed ones, what it must do
 * now, renewals coming up, and counts by state. Everything is scoped by requestScope (its
 * own items only); another enterprise's rows are never read. A handful of set-based
 * queries, run in parallel.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RegistrationStatus, RequestStatus, type AnswerKind, type RequestType } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { unreadCount } from "@/lib/notifications/queries/list-notifications";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { deadlineState, type TDeadlineState } from "@/lib/requests/deadline-state";
import { DEFAULT_RENEWAL_LEAD_DAYS } from "@/lib/requests/deadline-scan";
import { answerSummary, type TAnswerSummary } from "@/lib/dashboard/enterprise-answer";
import { enterpriseTodo, progressOf, type TEnterpriseTodo, type TProgress } from "@/lib/dashboard/enterprise-progress";
import { statusCounts, type TStatusCount } from "@/lib/dashboard/enterprise-park-counts";

/** How many closed or withdrawn items follow the open ones. */
export const RECENT_CLOSED = 3;
/** Open items shown as trackers (an enterprise rarely has more; the list has the rest). */
export const OPEN_LIMIT = 30;
export const DRAFTS_SHOWN = 5;

// The reply clock runs while a bank holds the item, and stays on while it is supervised.
const CLOCK_STATUSES: readonly RequestStatus[] = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];
const FINISHED: RequestStatus[] = [RequestStatus.CLOSED, RequestStatus.WITHDRAWN];

export type TTrackedItem = {
  id: string;
  serial: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  bankName: string | null;
  progress: TProgress;
  dueAt: Date | null;
  dueProvisional: boolean;
  deadline: TDeadlineState | null;
  answer: TAnswerSummary | null;
  todo: TEnterpriseTodo | null;
  returnReason: string | null;
};

export type TMaturingLoan = { id: string; product: string; amountFen: string; maturesOn: Date; bankName: string; requestId: string | null };

export type TEnterpriseDashboard = {
  enterpriseName: string;
  registrationStatus: RegistrationStatus;
  counts: TStatusCount[];
  total: number;
  open: TTrackedItem[];
  openTotal: number;
  recentClosed: TTrackedItem[];
  documentsRequested: TTrackedItem[];
  drafts: { id: string; serial: string; title: string; updatedAt: Date }[];
  draftTotal: number;
  maturingLoans: TMaturingLoan[];
  renewalLeadDays: number;
  unreadNotifications: number;
};

const ITEM_SELECT = {
  id: true,
  serial: true,
  title: true,
  type: true,
  status: true,
  submittedAt: true,
  forwardedAt: true,
  signedAt: true,
  answeredAt: true,
  rating: true,
  dueAt: true,
  dueProvisional: true,
  answer: true,
  answerKind: true,
  returnReason: true,
  assignedBank: { select: { name: true, shortName: true } },
} as const;

type TItemRow = {
  id: string;
  serial: string;
  title: string;
  type: RequestType;
  status: RequestStatus;
  submittedAt: Date | null;
  forwardedAt: Date | null;
  signedAt: Date | null;
  answeredAt: Date | null;
  rating: string | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  answer: unknown;
  answerKind: AnswerKind | null;
  returnReason: string | null;
  assignedBank: { name: string; shortName: string | null } | null;
};

/** Null when the actor is not (or no longer) an enterprise user with an enterprise. */
export async function getEnterpriseDashboard(
  db: PrismaClient,
  actor: TActorSource,
  now: Date = new Date(),
): Promise<TEnterpriseDashboard | null> {
  const who = actorOf(actor);
  if (!canActor(who, "dashboard.enterprise")) return null;
  const ctx = await loadScopeContext(db, actor);
  const scope = requestScope(who, ctx);
  if (!ctx.enterpriseId || isNothing(scope)) return null;
  const enterpriseId = ctx.enterpriseId;
  const mine = (extra: object) => ({ AND: [scope, extra] });

  const [enterprise, calendar, program, grouped, open, closed, drafts, unread] = await Promise.all([
    db.enterprise.findUnique({ where: { id: enterpriseId }, select: { name: true, registrationStatus: true } }),
    loadWorkingCalendar(db),
    getCurrentProgram(db, undefined, now),
    db.request.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.request.findMany({
      where: mine({ status: { notIn: [...FINISHED, RequestStatus.DRAFT] } }),
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: OPEN_LIMIT,
      select: ITEM_SELECT,
    }),
    db.request.findMany({
      where: mine({ status: { in: FINISHED } }),
      orderBy: [{ closedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
      take: RECENT_CLOSED,
      select: ITEM_SELECT,
    }),
    db.request.findMany({
      where: mine({ status: RequestStatus.DRAFT }),
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: DRAFTS_SHOWN,
      select: { id: true, serial: true, title: true, updatedAt: true },
    }),
    unreadCount(db, actor.userId),
  ]);
  if (!enterprise) return null;

  const renewalLeadDays = program?.rules?.renewalLeadDays ?? DEFAULT_RENEWAL_LEAD_DAYS;
  const maturingLoans = canActor(who, "loans.read") ? await loadMaturingLoans(db, enterpriseId, now, renewalLeadDays) : [];

  const track = (r: TItemRow): TTrackedItem => ({
    id: r.id,
    serial: r.serial,
    title: r.title,
    type: r.type,
    status: r.status,
    bankName: r.assignedBank ? (r.assignedBank.shortName ?? r.assignedBank.name) : null,
    progress: progressOf({ ...r, rated: r.rating !== null }),
    dueAt: r.dueAt,
    dueProvisional: r.dueProvisional,
    deadline: r.dueAt && CLOCK_STATUSES.includes(r.status) ? deadlineState(r.dueAt, now, calendar) : null,
    answer: answerSummary(r.answer, r.answerKind),
    todo: enterpriseTodo(r.status, r.answerKind),
    returnReason: r.status === RequestStatus.RETURNED ? r.returnReason : null,
  });
  const openItems = open.map(track);
  const counts = statusCounts(grouped.map((g) => ({ status: g.status, count: g._count._all })));
  // The open list's size from the same per-state counts (same scope), not a count of its own.
  const openTotal = grouped
    .filter((g) => g.status !== RequestStatus.DRAFT && !FINISHED.includes(g.status))
    .reduce((sum, g) => sum + g._count._all, 0);
  return {
    enterpriseName: enterprise.name,
    registrationStatus: enterprise.registrationStatus,
    counts,
    total: counts.reduce((s, c) => s + c.count, 0),
    open: openItems,
    openTotal,
    recentClosed: closed.map(track),
    documentsRequested: openItems.filter((i) => i.todo === "provideDocuments"),
    drafts,
    draftTotal: counts.find((c) => c.status === RequestStatus.DRAFT)?.count ?? 0,
    maturingLoans,
    renewalLeadDays,
    unreadNotifications: unread,
  };
}

/**
 * Disbursed loans of the enterprise maturing after today and within the renewal lead
 * time (today ≥ maturesOn − lead), soonest first: the same window as the renewal job.
 */
async function loadMaturingLoans(db: PrismaClient, enterpriseId: string, now: Date, leadDays: number): Promise<TMaturingLoan[]> {
  const today = shanghaiDateString(now);
  const from = new Date(`${today}T00:00:00.000Z`);
  const until = new Date(from.getTime() + leadDays * 86_400_000);
  const rows = await db.loanOutcome.findMany({
    where: { enterpriseId, disbursedOn: { not: null }, maturesOn: { gt: from, lte: until } },
    orderBy: [{ maturesOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      product: true,
      amountFen: true,
      maturesOn: true,
      requestId: true,
      bank: { select: { name: true, shortName: true } },
    },
  });
  return rows.map((l) => ({
    id: l.id,
    product: l.product,
    amountFen: l.amountFen.toString(),
    maturesOn: l.maturesOn!,
    requestId: l.requestId,
    bankName: l.bank.shortName ?? l.bank.name,
  }));
}
