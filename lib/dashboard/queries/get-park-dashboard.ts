/**
 * The park window's dashboard ("what is waiting for me?"): the review queue, pending
 * registrations, the park's problem list by state, its items overdue at banks, its
 * enterprises by support class, the banks' quarterly figures for the park and the paired
 * banks still to visit this half-year. Scoped to the actor's own park (requestScope,
 * enterpriseScope, and parkId in every other where). A few set-based queries in parallel.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole, RegistrationStatus, RequestStatus, SubmissionStatus, type SupportClass } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { enterpriseScope, isNothing, requestScope } from "@/lib/auth/scopes";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { COUNT_CAP, cappedCount, type TCappedCount } from "@/lib/pagination/keyset";
import { previousQuarter, quarterOf, type TQuarterKey } from "@/lib/submissions/quarter";
import { countDeadlineBands } from "@/lib/read-models/queries/count-open-items";
import { countParkEnterprises } from "@/lib/read-models/queries/count-enterprises";
import { countRequestsByStatus } from "@/lib/read-models/queries/count-requests-by-status";
import { statusCounts, STATUS_ORDER, type TStatusCount } from "@/lib/dashboard/enterprise-park-counts";
import { parkFigureTable, type TParkFigureTable } from "@/lib/dashboard/park-figures";
import { halfYearOf, type THalfYear } from "@/lib/dashboard/park-visits";

export const OLDEST_SHOWN = 5;
// Items a bank holds and must answer: the reply clock is running.
const AT_BANK: RequestStatus[] = [RequestStatus.FORWARDED, RequestStatus.SIGNED];
// Figures count once the bank has handed them in (as the ranking counts them).
const COUNTED_SUBMISSIONS: SubmissionStatus[] = [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED];

export type TQueueItem = {
  id: string;
  serial: string;
  title: string;
  enterpriseName: string;
  submittedAt: Date | null;
  workingDaysWaiting: number;
};
export type TOverdueItem = {
  id: string;
  serial: string;
  title: string;
  status: RequestStatus;
  enterpriseName: string;
  bankName: string | null;
  dueAt: Date;
  workingDaysOverdue: number;
};
export type TClassCount = { supportClass: SupportClass | "NONE"; count: number };
export type TVisitBank = { bankOrgId: string; bankName: string; role: PairingRole };
export type TVisitDone = { bankName: string; visitedOn: Date; leaderName: string };

export type TParkDashboard = {
  parkName: string;
  /** reviewOverdue: submitted items past the park's review deadline (capped). */
  queue: { total: number; oldest: TQueueItem[]; reviewOverdue: TCappedCount };
  pendingRegistrations: number;
  counts: TStatusCount[];
  total: number;
  overdue: { total: number; oldest: TOverdueItem[] };
  enterprises: { total: number; byClass: TClassCount[] };
  /** The current quarter first, then the last complete one. */
  figures: TParkFigureTable[];
  visits: { halfYear: THalfYear; hasPairings: boolean; due: TVisitBank[]; done: TVisitDone[] };
};

const CLASSES: readonly (SupportClass | "NONE")[] = ["A", "B", "C", "NONE"];

/** Null when the actor is not a park window with a park. */
export async function getParkDashboard(db: PrismaClient, actor: TActorSource, now: Date = new Date()): Promise<TParkDashboard | null> {
  const who = actorOf(actor);
  if (!canActor(who, "dashboard.park")) return null;
  const ctx = await loadScopeContext(db, actor);
  const scope = requestScope(who, ctx);
  const entScope = enterpriseScope(who, ctx);
  if (!ctx.parkId || isNothing(scope) || isNothing(entScope)) return null;
  const parkId = ctx.parkId;
  const ours = (extra: object) => ({ AND: [scope, extra] });
  const current = quarterOf(now);
  const quarters: TQuarterKey[] = [current, previousQuarter(current)];
  const halfYear = halfYearOf(now);
  const overdueWhere = ours({ status: { in: AT_BANK }, dueAt: { lt: now } });

  const [park, calendar, program, queue, enterpriseTotals, grouped, overdueBands, overdue, figures, visits] = await Promise.all([
    db.park.findUnique({ where: { id: parkId }, select: { org: { select: { name: true } } } }),
    loadWorkingCalendar(db),
    getCurrentProgram(db, halfYear.year, now),
    Promise.all([
      db.request.findMany({
        where: ours({ status: RequestStatus.SUBMITTED }),
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        take: OLDEST_SHOWN,
        select: { id: true, serial: true, title: true, submittedAt: true, enterprise: { select: { name: true } } },
      }),
      // Past the review deadline: a range of Request(parkId, status, parkDueAt), capped.
      db.request.count({
        where: ours({ status: RequestStatus.SUBMITTED, parkDueAt: { lt: now } }),
        orderBy: [{ parkDueAt: "asc" }],
        take: COUNT_CAP + 1,
      }),
    ]),
    // The park's enterprises by class and registration state, from the read model.
    countParkEnterprises(db, parkId),
    countRequestsByStatus(db, { parkId }),
    countDeadlineBands(db, { statuses: AT_BANK, parkId }, now, now),
    db.request.findMany({
      where: overdueWhere,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: OLDEST_SHOWN,
      select: {
        id: true,
        serial: true,
        title: true,
        status: true,
        dueAt: true,
        enterprise: { select: { name: true } },
        assignedBank: { select: { name: true, shortName: true } },
      },
    }),
    db.quarterlyParkFigure.findMany({
      where: {
        parkId,
        submission: { status: { in: COUNTED_SUBMISSIONS }, OR: quarters.map((q) => ({ year: q.year, quarter: q.quarter })) },
      },
      select: {
        loanBalanceFen: true,
        loanIncrementFen: true,
        borrowers: true,
        firstLoans: true,
        creditLoans: true,
        submission: {
          select: { year: true, quarter: true, bankOrgId: true, status: true, bank: { select: { name: true, shortName: true } } },
        },
      },
    }),
    db.parkVisit.findMany({
      where: { parkId, visitedOn: { gte: new Date(`${halfYear.firstDay}T00:00:00Z`), lte: new Date(`${halfYear.lastDay}T00:00:00Z`) } },
      orderBy: [{ visitedOn: "desc" }, { id: "asc" }],
      select: { bankOrgId: true, visitedOn: true, leaderName: true, bank: { select: { name: true, shortName: true } } },
    }),
  ]);
  if (!park) return null;
  const [queueRows, reviewOverdue] = queue;

  const pairings = program
    ? await db.parkBankPairing.findMany({
        where: { parkId, programId: program.id, year: program.year, endedAt: null },
        select: { role: true, bankOrgId: true, bank: { select: { name: true, shortName: true } } },
      })
    : [];
  const bankName = (b: { name: string; shortName: string | null } | null) => (b ? (b.shortName ?? b.name) : null);
  const visited = new Set(visits.map((v) => v.bankOrgId));
  const due = pairings
    .filter((p) => !visited.has(p.bankOrgId))
    .map((p) => ({ bankOrgId: p.bankOrgId, bankName: bankName(p.bank)!, role: p.role }))
    .sort((a, b) => (a.role === b.role ? a.bankName.localeCompare(b.bankName, "zh-CN") : a.role === PairingRole.MAIN ? -1 : 1));

  const queueTotal = grouped.find((g) => g.status === RequestStatus.SUBMITTED)?.count ?? 0;
  const counts = statusCounts(
    grouped,
    STATUS_ORDER.filter((s) => s !== RequestStatus.DRAFT),
  );
  const classCounts = CLASSES.map((c) => ({
    supportClass: c,
    // Same rows as the registry's default list (active enterprises), by class.
    count: enterpriseTotals.filter((g) => g.active && g.supportClass === c).reduce((s, g) => s + g.count, 0),
  }));
  const figureRows = figures.map((f) => ({
    year: f.submission.year,
    quarter: f.submission.quarter,
    bankOrgId: f.submission.bankOrgId,
    bankName: bankName(f.submission.bank)!,
    status: f.submission.status,
    balanceFen: f.loanBalanceFen,
    incrementFen: f.loanIncrementFen,
    borrowers: f.borrowers,
    firstLoans: f.firstLoans,
    creditLoans: f.creditLoans,
  }));

  return {
    parkName: park.org.name,
    queue: {
      total: queueTotal,
      oldest: queueRows.map((r) => ({
        id: r.id,
        serial: r.serial,
        title: r.title,
        enterpriseName: r.enterprise.name,
        submittedAt: r.submittedAt,
        workingDaysWaiting: r.submittedAt ? workingDaysBetween(r.submittedAt, now, calendar) : 0,
      })),
      reviewOverdue: cappedCount(reviewOverdue),
    },
    // Same rows as the registrations page (lib/registry/queries/list-pending-registrations.ts).
    pendingRegistrations: enterpriseTotals
      .filter((g) => g.registrationStatus === RegistrationStatus.PENDING)
      .reduce((s, g) => s + g.count, 0),
    counts,
    total: counts.reduce((s, c) => s + c.count, 0),
    overdue: {
      total: overdueBands.overdue,
      oldest: overdue.map((r) => ({
        id: r.id,
        serial: r.serial,
        title: r.title,
        status: r.status,
        enterpriseName: r.enterprise.name,
        bankName: bankName(r.assignedBank),
        dueAt: r.dueAt!,
        workingDaysOverdue: workingDaysBetween(r.dueAt!, now, calendar),
      })),
    },
    enterprises: { total: classCounts.reduce((s, c) => s + c.count, 0), byClass: classCounts },
    figures: quarters.map((q, i) => parkFigureTable(q, i > 0, figureRows)),
    visits: {
      halfYear,
      hasPairings: pairings.length > 0,
      due,
      done: visits.map((v) => ({ bankName: bankName(v.bank)!, visitedOn: v.visitedOn, leaderName: v.leaderName })),
    },
  };
}
