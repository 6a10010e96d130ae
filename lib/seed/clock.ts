/** Plausible office-hour instants for simulated events, in Chinese working days. */

import { addWorkingDays, isRangeProvisional, isWorkingDay, type WorkingCalendar } from "@/lib/calendar/working-days";
import type { Rng } from "./random";
import type { TSeedContext } from "./types";
import { MINUTE_MS, msIntoShanghaiDay, shanghaiDay, shanghaiInstant } from "./time";

const OPEN_MIN = 8 * 60 + 40; // 08:40
const CLOSE_MIN = 17 * 60 + 50; // 17:50

/** A whole-second instant during office hours of the given Shanghai day. */
export function workTimeOn(rng: Rng, day: string): number {
  const minute = rng.int(OPEN_MIN, CLOSE_MIN);
  return shanghaiInstant(day) + minute * MINUTE_MS + rng.int(0, 59) * 1000;
}

/**
 * An office-hour instant `k` working days after the Shanghai day of `t` (k ≥ 1), or for
 * k = 0 later the same working day when there is time left, else the next working day.
 * Always later than `t`.
 */
export function afterWorkingDays(rng: Rng, calendar: WorkingCalendar, t: number, k: number): number {
  if (k <= 0) {
    const into = msIntoShanghaiDay(t);
    const closeMs = CLOSE_MIN * MINUTE_MS;
    if (isWorkingDay(new Date(t), calendar) && into < closeMs - 30 * MINUTE_MS) {
      const from = Math.max(into, OPEN_MIN * MINUTE_MS) + 5 * MINUTE_MS;
      const at = t - into + from + Math.floor(rng.next() * Math.min(4 * 3_600_000, closeMs - from));
      return Math.floor(at / 1000) * 1000 + 1000;
    }
    k = 1;
  }
  const end = addWorkingDays(new Date(t), k, calendar);
  return workTimeOn(rng, shanghaiDay(end.getTime()));
}

/** Just after midnight following the deadline day `due` + `k` working days: when a nightly job runs. */
export function nightlyAfter(rng: Rng, calendar: WorkingCalendar, due: Date, k: number): number {
  const end = k > 0 ? addWorkingDays(due, k, calendar) : due;
  return end.getTime() + 1 + rng.int(2, 20) * MINUTE_MS;
}

/** A deadline is provisional when any year it spans has no published holiday schedule. */
export function isProvisionalDue(ctx: TSeedContext, fromMs: number, due: Date): boolean {
  return isRangeProvisional(new Date(fromMs), due, ctx.calendar);
}
