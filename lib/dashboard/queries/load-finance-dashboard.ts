/**
 * The finance office's dashboard ("where is it stuck?"): city-wide item counts by state,
 * overdue items by bank and park, the supervision queue's counts, the last complete
 * quarter's ranking, and the warnings (calendar, pairings, submissions). Stored data only:
 * the ranking is the stored one, never recomputed here.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { nextYearMissing } from "@/lib/calendar/next-year-missing";
import { loadComplianceGaps, type TComplianceGaps } from "@/lib/pairings/queries/load-compliance-gaps";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import { countRequestsByStatus } from "@/lib/read-models/queries/count-requests-by-status";
import { countSupervisionTabs } from "@/lib/requests/queries/count-supervision-tabs";
import { maySeeSupervisionQueue, type TSupervisionTab } from "@/lib/requests/supervision-tabs";
import { listSubmissionRows } from "@/lib/submissions/queries/list-submission-rows";
import { overdueMatrix, type TOverdueMatrix } from "@/lib/dashboard/queries/overdue-matrix";
import { dashboardPeriod } from "@/lib/dashboard/shared-period";
import { summariseRanking, type TRankingSummary } from "@/lib/dashboard/queries/summarise-ranking";

/** Every status an item outside its author's drafts can have, in workflow order. */
export const DASHBOARD_STATUSES = [
  RequestStatus.SUBMITTED,
  RequestStatus.RETURNED,
  RequestStatus.FORWARDED,
  RequestStatus.SIGNED,
  RequestStatus.ESCALATED,
  RequestStatus.ANSWERED,
  RequestStatus.CLOSED,
  RequestStatus.WITHDRAWN,
] as const;

export type TSubmissionGaps = {
  /** Paired banks of the last complete quarter. */
  expected: number;
  /** Not handed in (none started, or draft / returned) and past the due date. */
  missing: number;
  /** Handed in after the due date. */
  late: number;
  /** Not handed in, not yet due. */
  open: number;
};

export type TFinanceDashboard = {
  current: TQuarterWindow;
  lastEnded: TQuarterWindow;
  byStatus: Record<(typeof DASHBOARD_STATUSES)[number], number>;
  overdue: TOverdueMatrix;
  supervision: Record<TSupervisionTab, number>;
  ranking: TRankingSummary | null;
  programId: string | null;
  calendarMissingYear: number | null;
  compliance: TComplianceGaps | null;
  submissions: TSubmissionGaps | null;
};

export async function loadFinanceDashboard(db: PrismaClient, user: TActorSource, options: { now?: Date } = {}): Promise<TFinanceDashboard> {
  const now = options.now ?? new Date();
  const actor = actorOf(user);
  const { current, lastEnded } = dashboardPeriod(now);
  const [program, calendar] = await Promise.all([getCurrentProgram(db, current.year, now), loadWorkingCalendar(db)]);
  const [groups, overdue, supervision, ranking, compliance, rows] = await Promise.all([
    maySeeSupervisionQueue(actor) ? countRequestsByStatus(db) : Promise.resolve([]),
    overdueMatrix(db, user, now),
    countSupervisionTabs(db, user, now),
    program ? summariseRanking(db, actor, program.id, (r) => r.year === lastEnded.year && r.quarter === lastEnded.quarter) : null,
    program ? loadComplianceGaps(db, actor, { programId: program.id, year: program.year }) : null,
    program ? listSubmissionRows(db, user, { programId: program.id, quarters: [lastEnded], now, calendar }) : null,
  ]);
  const byStatus = Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as TFinanceDashboard["byStatus"];
  for (const g of groups) if (g.status in byStatus) byStatus[g.status as keyof typeof byStatus] = g.count;
  const submissions = rows && {
    expected: rows.length,
    missing: rows.filter((r) => r.lateState === "overdue").length,
    late: rows.filter((r) => r.lateState === "late").length,
    open: rows.filter((r) => r.lateState === "open").length,
  };
  return {
    current,
    lastEnded,
    byStatus,
    overdue,
    supervision,
    ranking,
    programId: program?.id ?? null,
    calendarMissingYear: nextYearMissing(now, calendar.publishedYears),
    compliance,
    submissions,
  };
}
