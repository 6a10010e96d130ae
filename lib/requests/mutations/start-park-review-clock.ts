/**
 * Starting (or restarting) an item's park review clock: submission, resubmission and an
 * overruled return compute parkDueAt = addWorkingDays(start, parkReviewDeadlineDays) on
 * the database calendar, read under the shared calendar lock like the reply clock's (a
 * concurrent calendar change either ran before or recomputes our new deadline after).
 * The fields returned are written on the request as they are: a new clock also clears
 * the previous deadline's escalation mark.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockCalendarForRead } from "@/lib/calendar/mutations/calendar-lock";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { parkReviewClock } from "@/lib/requests/park-review-deadline";

export type TParkReviewFields = {
  parkDeadlineStartAt: Date | null;
  parkDueAt: Date;
  parkDueProvisional: boolean;
  parkEscalatedAt: null;
};

/** `restartedAt` is null when the clock runs from the submission itself (submittedAt = start). */
export async function startParkReviewClock(
  tx: Prisma.TransactionClient,
  start: Date,
  days: number,
  restartedAt: Date | null = null,
): Promise<TParkReviewFields> {
  await lockCalendarForRead(tx);
  const clock = parkReviewClock(start, days, await loadWorkingCalendar(tx));
  return { parkDeadlineStartAt: restartedAt, ...clock, parkEscalatedAt: null };
}
