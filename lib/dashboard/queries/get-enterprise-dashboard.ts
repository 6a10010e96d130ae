/**
 * The enterprise dashboard ("where are my requests?"): the enterprise's open items with
 * their progress, deadline and latest answer, the last few closed ones, what it must do
 * now, renewals coming up, and counts by state. Everything is scoped by requestScope (its
 * own items only); another enterprise's rows are never read. One statement reads the
 * items, counts, drafts and loans (readDashboardRow), beside the shared calendar and
 * unread count.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { RegistrationStatus, RequestStatus, type AnswerKind, type RequestType } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing, requestScope } from "@/lib/auth/scopes";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { unreadCount } from "@/lib/notifications/queries/list-notifications";
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
  bankName: string | null;
};

// Timestamps come back from json_build_object as ISO text.
type TJsonItem = Omit<TItemRow, "submittedAt" | "forwardedAt" | "signedAt" | "answeredAt" | "dueAt"> &
  Record<"submittedAt" | "forwardedAt" | "signedAt" | "answeredAt" | "dueAt", string | null>;

type TDashboardRow = {
  enterprise: { name: string; registrationStatus: RegistrationStatus } | null;
  grouped: { status: RequestStatus; count: number }[];
  open: TJsonItem[];
  closed: TJsonItem[];
  drafts: { id: string; serial: string; title: string; updatedAt: string }[];
  renewalLeadDays: number | null;
  loans: { id: string; product: string; amountFen: string; maturesOn: string; requestId: string | null; bankName: string }[];
};

const asDate = (v: string | null): Date | null => (v === null ? null : new Date(v));

function itemRow(j: TJsonItem): TItemRow {
  return {
    ...j,
    submittedAt: asDate(j.submittedAt),
    forwardedAt: asDate(j.forwardedAt),
    signedAt: asDate(j.signedAt),
    answeredAt: asDate(j.answeredAt),
    dueAt: asDate(j.dueAt),
  };
}

// One item as the trackers need it, as JSON; `r` is the Request, `b` its assigned bank.
const ITEM_JSON = Prisma.sql`json_build_object(
  'id', r."id", 'serial', r."serial", 'title', r."title", 'type', r."type", 'status', r."status",
  'submittedAt', r."submittedAt", 'forwardedAt', r."forwardedAt", 'signedAt', r."signedAt",
  'answeredAt', r."answeredAt", 'rating', r."rating", 'dueAt', r."dueAt", 'dueProvisional', r."dueProvisional",
  'answer', r."answer", 'answerKind', r."answerKind", 'returnReason', r."returnReason",
  'bankName', coalesce(b."shortName", b."name"))`;

/**
 * Everything the dashboard shows about the enterprise's items, the renewal lead time of the
 * current program and the loans maturing within it, in one statement: a dashboard is
 * opened far more often than anything on it changes, and each statement is a round trip
 * plus the client's own work per query. Every part reads only rows of `enterpriseId`.
 */
function readDashboardRow(db: PrismaClient, enterpriseId: string, now: Date, withLoans: boolean): Promise<TDashboardRow[]> {
  const year = Number(shanghaiDateString(now).slice(0, 4));
  // The renewal window: maturing after today (Asia/Shanghai) and within the lead time.
  const today = shanghaiDateString(now);
  const finished = Prisma.join(FINISHED.map((s) => Prisma.sql`${s}::"RequestStatus"`));
  return db.$queryRaw<TDashboardRow[]>`
    WITH lead AS (
      -- The newest rule version of this year's active program (the newest program if several).
      SELECT (SELECT v."renewalLeadDays" FROM "ProgramRuleVersion" v WHERE v."programId" = p."id" ORDER BY v."version" DESC LIMIT 1) AS days
        FROM "Program" p WHERE p."year" = ${year} AND p."active" ORDER BY p."createdAt" DESC, p."id" DESC LIMIT 1
    )
    SELECT
      (SELECT json_build_object('name', e."name", 'registrationStatus', e."registrationStatus")
         FROM "Enterprise" e WHERE e."id" = ${enterpriseId}::uuid) AS enterprise,
      (SELECT coalesce(json_agg(json_build_object('status', g."status", 'count', g.n)), '[]'::json)
         FROM (SELECT "status", count(*)::int AS n FROM "Request" WHERE "enterpriseId" = ${enterpriseId}::uuid GROUP BY "status") g) AS grouped,
      (SELECT coalesce(json_agg(i.item ORDER BY i.ord), '[]'::json) FROM (
         SELECT ${ITEM_JSON} AS item, row_number() OVER (ORDER BY r."updatedAt" DESC, r."id" ASC) AS ord
           FROM "Request" r LEFT JOIN "Organization" b ON b."id" = r."assignedBankId"
          WHERE r."enterpriseId" = ${enterpriseId}::uuid AND r."status" NOT IN (${finished}, ${RequestStatus.DRAFT}::"RequestStatus")
          ORDER BY r."updatedAt" DESC, r."id" ASC LIMIT ${OPEN_LIMIT}) i) AS open,
      (SELECT coalesce(json_agg(i.item ORDER BY i.ord), '[]'::json) FROM (
         SELECT ${ITEM_JSON} AS item,
                row_number() OVER (ORDER BY r."closedAt" DESC NULLS LAST, r."updatedAt" DESC, r."id" ASC) AS ord
           FROM "Request" r LEFT JOIN "Organization" b ON b."id" = r."assignedBankId"
          WHERE r."enterpriseId" = ${enterpriseId}::uuid AND r."status" IN (${finished})
          ORDER BY r."closedAt" DESC NULLS LAST, r."updatedAt" DESC, r."id" ASC LIMIT ${RECENT_CLOSED}) i) AS closed,
      (SELECT coalesce(json_agg(json_build_object('id', d."id", 'serial', d."serial", 'title', d."title", 'updatedAt', d."updatedAt") ORDER BY d."updatedAt" DESC, d."id" ASC), '[]'::json)
         FROM (SELECT * FROM "Request" WHERE "enterpriseId" = ${enterpriseId}::uuid AND "status" = ${RequestStatus.DRAFT}::"RequestStatus"
                ORDER BY "updatedAt" DESC, "id" ASC LIMIT ${DRAFTS_SHOWN}) d) AS drafts,
      (SELECT days FROM lead) AS "renewalLeadDays",
      (SELECT coalesce(json_agg(json_build_object('id', l."id", 'product', l."product", 'amountFen', l."amountFen"::text,
                'maturesOn', to_char(l."maturesOn", 'YYYY-MM-DD'), 'requestId', l."requestId", 'bankName', coalesce(o."shortName", o."name"))
                ORDER BY l."maturesOn" ASC, l."id" ASC), '[]'::json)
         FROM "LoanOutcome" l JOIN "Organization" o ON o."id" = l."bankOrgId"
        WHERE ${withLoans} AND l."enterpriseId" = ${enterpriseId}::uuid AND l."disbursedOn" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "LoanCancellation" c WHERE c."loanId" = l."id")
          AND l."maturesOn" > ${today}::date
          AND l."maturesOn" <= (${today}::date + coalesce((SELECT days FROM lead), ${DEFAULT_RENEWAL_LEAD_DAYS}))) AS loans`;
}

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
  // For an enterprise user requestScope is exactly { enterpriseId } (lib/auth/scopes.test.ts
  // pins it): readDashboardRow spells that condition in SQL.
  const enterpriseId = ctx.enterpriseId;

  const [[row], calendar, unread] = await Promise.all([
    readDashboardRow(db, enterpriseId, now, canActor(who, "loans.read")),
    loadWorkingCalendar(db),
    unreadCount(db, actor.userId),
  ]);
  if (!row?.enterprise) return null;
  const { enterprise, grouped } = row;
  const renewalLeadDays = row.renewalLeadDays ?? DEFAULT_RENEWAL_LEAD_DAYS;
  const maturingLoans: TMaturingLoan[] = row.loans.map((l) => ({ ...l, maturesOn: new Date(`${l.maturesOn}T00:00:00.000Z`) }));

  const track = (r: TItemRow): TTrackedItem => ({
    id: r.id,
    serial: r.serial,
    title: r.title,
    type: r.type,
    status: r.status,
    bankName: r.bankName,
    progress: progressOf({ ...r, rated: r.rating !== null }),
    dueAt: r.dueAt,
    dueProvisional: r.dueProvisional,
    deadline: r.dueAt && CLOCK_STATUSES.includes(r.status) ? deadlineState(r.dueAt, now, calendar) : null,
    answer: answerSummary(r.answer, r.answerKind),
    todo: enterpriseTodo(r.status, r.answerKind),
    returnReason: r.status === RequestStatus.RETURNED ? r.returnReason : null,
  });
  const openItems = row.open.map((j) => track(itemRow(j)));
  const counts = statusCounts(grouped);
  // The open list's size from the same per-state counts (same scope), not a count of its own.
  const openTotal = grouped
    .filter((g) => g.status !== RequestStatus.DRAFT && !FINISHED.includes(g.status))
    .reduce((sum, g) => sum + g.count, 0);
  return {
    enterpriseName: enterprise.name,
    registrationStatus: enterprise.registrationStatus,
    counts,
    total: counts.reduce((s, c) => s + c.count, 0),
    open: openItems,
    openTotal,
    recentClosed: row.closed.map((j) => track(itemRow(j))),
    documentsRequested: openItems.filter((i) => i.todo === "provideDocuments"),
    drafts: row.drafts.map((d) => ({ ...d, updatedAt: new Date(d.updatedAt) })),
    draftTotal: counts.find((c) => c.status === RequestStatus.DRAFT)?.count ?? 0,
    maturingLoans,
    renewalLeadDays,
    unreadNotifications: unread,
  };
}
