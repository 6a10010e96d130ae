/**
 * The bank liaison's dashboard ("what is due?"): the inbox by deadline colour and its most
 * urgent items, this quarter's reply and on-time rates of the bank and its branches (the
 * ranking's definitions), the last complete quarter's submission, and the published score
 * and rank trend. Everything scoped by the actor's own organization.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, bankWithDescendants, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { areaOfRole } from "@/lib/auth/areas";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import { listSubmissionRows, type TSubmissionRow } from "@/lib/submissions/queries/list-submission-rows";
import { summariseBankInbox, type TInboxSummary } from "@/lib/dashboard/queries/summarise-bank-inbox";
import { bankScoreTrend, type TScoreTrend } from "@/lib/dashboard/queries/bank-score-trend";
import { dashboardPeriod } from "@/lib/dashboard/shared-period";
import type { TQuarterRates } from "@/lib/dashboard/shared-rates";
import { queryQuarterRates } from "@/lib/dashboard/queries/query-quarter-rates";

export type TBankDashboard = {
  current: TQuarterWindow;
  lastEnded: TQuarterWindow;
  inbox: TInboxSummary;
  /** Null when there is no program this year. */
  rates: TQuarterRates | null;
  /** The bank's (and its branches') submissions for the last complete quarter. */
  submissions: TSubmissionRow[];
  trend: TScoreTrend | null;
};

export async function loadBankDashboard(db: PrismaClient, user: TActorSource, options: { now?: Date } = {}): Promise<TBankDashboard> {
  const now = options.now ?? new Date();
  const actor = actorOf(user);
  const { current, lastEnded } = dashboardPeriod(now);
  const isBank = areaOfRole(actor.role) === "bank";
  const [calendar, program, banks] = await Promise.all([
    loadWorkingCalendar(db),
    getCurrentProgram(db, current.year, now),
    isBank ? bankWithDescendants(db, actor.orgId) : Promise.resolve([]),
  ]);
  const [inbox, rates, submissions, trend] = await Promise.all([
    summariseBankInbox(db, user, now, calendar),
    program && isBank ? queryQuarterRates(db, { programId: program.id, window: current, cutoff: now, bankOrgIds: banks }) : null,
    program && isBank ? listSubmissionRows(db, user, { programId: program.id, quarters: [lastEnded], now, calendar }) : [],
    program && isBank ? bankScoreTrend(db, actor, program.id) : null,
  ]);
  return { current, lastEnded, inbox, rates, submissions, trend };
}
