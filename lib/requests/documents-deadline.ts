/**
 * The enterprise's limit for the documents a bank asked for (需补充材料): the end of the
 * n-th working day after the answer, n the rule version's supplementDeadlineDays, on the
 * same holiday calendar as the banks' reply deadlines. Pure: the deadline scan, the item
 * page and the inbox all judge it here.
 *
 * Reminders go out twice before the limit: when at most REMIND_WORKING_DAYS_LEFT working
 * days remain ("soon"), and on the last working day ("lastDay"); once past it the scan
 * closes the item as 未补充材料 (DOCUMENTS_NOT_SUPPLIED).
 */
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";
import { deadlineState, type TDeadlineState } from "./deadline-state";

export const REMIND_WORKING_DAYS_LEFT = 2;

export type TDocumentsReminder = "soon" | "lastDay";

export function documentsDueAt(answeredAt: Date, supplementDeadlineDays: number, calendar: WorkingCalendar): Date {
  return addWorkingDays(answeredAt, Math.max(1, supplementDeadlineDays), calendar);
}

/** The limit as a deadline colour (red: past it; yellow: its last working day). */
export function documentsState(dueAt: Date, now: Date, calendar: WorkingCalendar): TDeadlineState {
  return deadlineState(dueAt, now, calendar);
}

/** Which reminder is due at `now`, if any (none once the limit has passed: the item closes). */
export function documentsReminder(dueAt: Date, now: Date, calendar: WorkingCalendar): TDocumentsReminder | null {
  const state = documentsState(dueAt, now, calendar);
  if (state.tone === "yellow") return "lastDay";
  if (state.tone === "normal" && state.workingDaysLeft <= REMIND_WORKING_DAYS_LEFT) return "soon";
  return null;
}

/** Past the limit: the enterprise did not send the documents in time. */
export function documentsOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
