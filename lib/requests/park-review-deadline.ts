/**
 * The park window's review deadline (园区审核时限): a SUBMITTED item must be forwarded or
 * returned within the rule version's parkReviewDeadlineDays working days (Asia/Shanghai,
 * holidays and 调休 from the calendar; the day of submission never counts). The clock
 * starts at submission (or resubmission), or when the finance office overrules a return
 * and the item comes back to the queue (parkDeadlineStartAt). Its colour is the bank
 * reply deadline's (deadlineState): yellow on the due day, red once past it, so the park
 * queue, the bank inbox and the deadline scan agree. Overdue reviews escalate to the
 * supervisors after the program's escalateAfterDays, like the banks' replies.
 * Pure: no database, no framework.
 */
import { addWorkingDays, isRangeProvisional, type WorkingCalendar } from "@/lib/calendar/working-days";
import { deadlineState, type TDeadlineState } from "@/lib/requests/deadline-state";

export type TParkReviewClock = { parkDueAt: Date; parkDueProvisional: boolean };

export function parkReviewClock(start: Date, days: number, calendar: WorkingCalendar): TParkReviewClock {
  const parkDueAt = addWorkingDays(start, days, calendar);
  return { parkDueAt, parkDueProvisional: isRangeProvisional(start, parkDueAt, calendar) };
}

/** When the running review clock started: the overruling of a return, else the submission. */
export function parkReviewStart(row: { parkDeadlineStartAt: Date | null; submittedAt: Date | null }): Date | null {
  return row.parkDeadlineStartAt ?? row.submittedAt;
}

/** The queue's badge at `now`; null for an item without a review deadline. */
export function parkReviewState(parkDueAt: Date | null, now: Date, calendar: WorkingCalendar): TDeadlineState | null {
  return parkDueAt ? deadlineState(parkDueAt, now, calendar) : null;
}

/** Overdue by more than escalateAfterDays working days (0: as soon as it is overdue). */
export function isParkReviewEscalationDue(parkDueAt: Date, escalateAfterDays: number, now: Date, calendar: WorkingCalendar): boolean {
  return now.getTime() > addWorkingDays(parkDueAt, Math.max(0, escalateAfterDays), calendar).getTime();
}
