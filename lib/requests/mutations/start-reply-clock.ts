/**
 * Starting (or restarting) an item's reply clock: forwarding, passing, assigning and
 * reopening all compute dueAt = addWorkingDays(start, days) on the database calendar.
 *
 * The calendar is read under the shared calendar lock (lib/calendar/mutations/
 * calendar-lock.ts): a concurrent calendar change either ran before (and we see its days)
 * or waits for us (and its recomputation sees our new deadline).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockCalendarForRead } from "@/lib/calendar/mutations/calendar-lock";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { addWorkingDays, isRangeProvisional, shanghaiDateString } from "@/lib/calendar/working-days";

export type TReplyClock = { dueAt: Date; dueProvisional: boolean };

export async function startReplyClock(tx: Prisma.TransactionClient, start: Date, days: number): Promise<TReplyClock> {
  await lockCalendarForRead(tx);
  const calendar = await loadWorkingCalendar(tx);
  const dueAt = addWorkingDays(start, days, calendar);
  return { dueAt, dueProvisional: isRangeProvisional(start, dueAt, calendar) };
}

/** The clock as ledger content (ISO instants, so the hash is stable). */
export function clockContent(start: Date, days: number, clock: TReplyClock) {
  return {
    deadlineStartAt: start.toISOString(),
    replyDeadlineDays: days,
    dueAt: clock.dueAt.toISOString(),
    dueProvisional: clock.dueProvisional,
  };
}

/** The due day as notification parameter: "2026-10-13" reads the same in both languages. */
export function dueDay(dueAt: Date | null): string {
  return dueAt ? shanghaiDateString(dueAt) : "—";
}
