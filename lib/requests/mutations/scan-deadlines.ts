/**
 * The deadline scan (the "deadline.scan" job, every 5 minutes): yellow and red notices,
 * escalation of overdue items, the bulletin flag after a reminder, auto-close of unrated
 * answers, reminders and the close (未补充材料) of answers whose documents never came, and
 * loan renewal reminders; for the park window, yellow and red notices and escalation of its
 * overdue reviews (园区审核时限, see lib/requests/park-review-deadline.ts). Set-based (a few statements per step, whatever the
 * number of items) and safe to run in several workers at once: state changes lock their
 * rows FOR UPDATE SKIP LOCKED and re-check the state in the same statement; notices are
 * deduplicated by their keys. Each step is its own transaction, so a failure in one step
 * does not undo the others (the job retries the whole scan; every step is idempotent).
 *
 * Deadlines are the stored `dueAt` (set by the workflow from deadlineStartAt/deadlineDays
 * and kept current by calendar changes); working days come from the database calendar,
 * read under the calendar's shared lock so a calendar change is seen whole or not at all.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { lockCalendarForRead } from "@/lib/calendar/mutations/calendar-lock";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { autoCloseUnrated } from "@/lib/requests/mutations/auto-close-unrated";
import { closeUnsuppliedDocuments } from "@/lib/requests/mutations/close-unsupplied-documents";
import { remindMissingDocuments } from "@/lib/requests/mutations/remind-missing-documents";
import { flagForBulletin } from "@/lib/requests/mutations/flag-for-bulletin";
import { sendDeadlineNotices } from "@/lib/requests/mutations/send-deadline-notices";
import { escalateOverdue } from "@/lib/requests/mutations/escalate-overdue";
import { remindRenewals } from "@/lib/requests/mutations/remind-renewals";
import { escalateParkReviews } from "@/lib/requests/mutations/escalate-park-reviews";
import { sendParkReviewNotices } from "@/lib/requests/mutations/send-park-review-notices";
import { startMissingParkReviewClocks } from "@/lib/requests/mutations/start-missing-park-review-clocks";
import { flagLateSupportReports, type TSupportScanResult } from "@/lib/support/mutations/flag-late-support-reports";
import { remindParkVisits } from "@/lib/visits/mutations/remind-park-visits";

type TTx = Prisma.TransactionClient;

export type TScanResult = {
  /** Items whose yellow / red notice was sent by this scan. */
  yellow: number;
  red: number;
  /** Items escalated, flagged for the bulletin, closed as not rated. */
  escalated: number;
  bulletin: number;
  autoClosed: number;
  /** Answers asking for documents: reminders sent to the enterprise, items closed as 未补充材料. */
  documentsReminded: number;
  documentsClosed: number;
  /** Loans whose renewal reminder was sent by this scan. */
  renewal: number;
  /** Park reviews: items given their missing deadline, yellow / red notices sent, escalated. */
  park: { started: number; yellow: number; red: number; escalated: number };
  /** 1+1 monthly reports: reminders on the due day, reports flagged late (lib/support). */
  support: TSupportScanResult;
  /** Park ↔ main bank pairings reminded of the half-year's visit (once per half-year). */
  visitsReminded?: number;
};

const TX_OPTIONS = { maxWait: 15_000, timeout: 120_000 } as const;

async function step<T>(db: PrismaClient, run: (tx: TTx, calendar: WorkingCalendar) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockCalendarForRead(tx);
    return run(tx, await loadWorkingCalendar(tx));
  }, TX_OPTIONS);
}

export async function scanDeadlines(db: PrismaClient, options: { now?: Date } = {}): Promise<TScanResult> {
  const now = options.now ?? new Date();
  // Escalate before the notices, so an item escalated now still gets its red notice.
  const escalated = await step(db, (tx, cal) => escalateOverdue(tx, now, cal));
  const { yellow, red } = await step(db, (tx, cal) => sendDeadlineNotices(tx, now, cal));
  const bulletin = await step(db, (tx, cal) => flagForBulletin(tx, now, cal));
  const autoClosed = await step(db, (tx, cal) => autoCloseUnrated(tx, now, cal));
  // Close before reminding, so an item past its limit gets no reminder.
  const documentsClosed = await step(db, (tx, cal) => closeUnsuppliedDocuments(tx, now, cal));
  const documentsReminded = await step(db, (tx, cal) => remindMissingDocuments(tx, now, cal));
  const renewal = await step(db, (tx) => remindRenewals(tx, now));
  const parkStarted = await step(db, (tx, cal) => startMissingParkReviewClocks(tx, cal));
  const parkEscalated = await step(db, (tx, cal) => escalateParkReviews(tx, now, cal));
  const parkNotices = await step(db, (tx, cal) => sendParkReviewNotices(tx, now, cal));
  const support = await step(db, (tx) => flagLateSupportReports(tx, now));
  const visitsReminded = await step(db, (tx) => remindParkVisits(tx, now));
  return {
    yellow,
    red,
    escalated,
    bulletin,
    autoClosed,
    documentsReminded,
    documentsClosed,
    renewal,
    park: { started: parkStarted, yellow: parkNotices.yellow, red: parkNotices.red, escalated: parkEscalated },
    support,
    visitsReminded,
  };
}
