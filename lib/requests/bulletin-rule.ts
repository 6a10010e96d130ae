/**
 * When an item that was reminded and is still unresolved goes into the quarterly bulletin,
 * and what its BULLETIN ledger entry says: one rule for the deadline scan
 * (mutations/flag-for-bulletin.ts) and for the demo seed, which writes the same entries.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

/** The moment after which the item is flagged: `bulletinAfterRemindDays` working days after the reminder. */
export function bulletinDueAt(remindedAt: Date, bulletinAfterRemindDays: number, calendar: WorkingCalendar): Date {
  return addWorkingDays(remindedAt, Math.max(0, bulletinAfterRemindDays), calendar);
}

/** The BULLETIN entry's content, for an item flagged at `at`. */
export function bulletinEntryContent(remindedAt: Date, bulletinAfterRemindDays: number, at: Date, calendar: WorkingCalendar) {
  return {
    remindedAt: remindedAt.toISOString(),
    bulletinAfterRemindDays,
    workingDaysSinceReminder: workingDaysBetween(remindedAt, at, calendar),
  };
}
