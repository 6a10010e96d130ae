/**
 * Calendar quarters of the quarterly submission (一季一调度), on the Asia/Shanghai calendar,
 * and the submission window: it opens when the quarter ends and is due at the end of the
 * program's `quarterlyWindowDays`-th working day after the quarter's last day (default 7,
 * counted with the working-day calendar, so holidays such as 国庆 push it back).
 *
 * Pure: no I/O. Bounds are UTC instants; `end` is exclusive (midnight Shanghai of the
 * next quarter's first day).
 */
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";

export type TQuarterNumber = 1 | 2 | 3 | 4;
export type TQuarterKey = { year: number; quarter: TQuarterNumber };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isQuarterKey(value: { year: unknown; quarter: unknown }): value is TQuarterKey {
  return (
    Number.isSafeInteger(value.year) &&
    (value.year as number) >= 2000 &&
    (value.year as number) <= 2100 &&
    [1, 2, 3, 4].includes(value.quarter as number)
  );
}

/** Midnight Asia/Shanghai of the first day of (year, month 1–12; 13 = January of year + 1). */
function shanghaiMonthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS);
}

/** [start, end) of the quarter as UTC instants. */
export function quarterBounds(q: TQuarterKey): { start: Date; end: Date } {
  const first = (q.quarter - 1) * 3 + 1;
  return { start: shanghaiMonthStart(q.year, first), end: shanghaiMonthStart(q.year, first + 3) };
}

/** The quarter an instant falls in (its Shanghai calendar day decides). */
export function quarterOf(now: Date): TQuarterKey {
  const shifted = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), quarter: (Math.floor(shifted.getUTCMonth() / 3) + 1) as TQuarterNumber };
}

export function previousQuarter(q: TQuarterKey): TQuarterKey {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as TQuarterNumber };
}

/** The most recent quarter that has ended at `now` (the one whose submissions are due). */
export function lastEndedQuarter(now: Date): TQuarterKey {
  return previousQuarter(quarterOf(now));
}

/** Submissions open once the quarter is over: before that the figures cannot be final. */
export function hasQuarterEnded(q: TQuarterKey, now: Date): boolean {
  return now.getTime() >= quarterBounds(q).end.getTime();
}

/** End of the `windowDays`-th working day after the quarter's last day (Asia/Shanghai). */
export function submissionDueAt(q: TQuarterKey, windowDays: number, calendar: WorkingCalendar): Date {
  const lastInstant = new Date(quarterBounds(q).end.getTime() - 1);
  return addWorkingDays(lastInstant, windowDays, calendar);
}

/** Late = handed in after the due instant (the end of the last working day of the window). */
export function isLateSubmission(submittedAt: Date, dueAt: Date | null): boolean {
  return dueAt !== null && submittedAt.getTime() > dueAt.getTime();
}

/** The quarters of a year that have ended at `now`, newest first. */
export function endedQuartersOfYear(year: number, now: Date): TQuarterKey[] {
  const out: TQuarterKey[] = [];
  for (const quarter of [4, 3, 2, 1] as const) if (hasQuarterEnded({ year, quarter }, now)) out.push({ year, quarter });
  return out;
}

/** "2026-Q3" for URLs and form values. */
export function quarterParam(q: TQuarterKey): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarterParam(value: unknown): TQuarterKey | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-Q([1-4])$/.exec(value.trim());
  if (!m) return null;
  const q = { year: Number(m[1]), quarter: Number(m[2]) as TQuarterNumber };
  return isQuarterKey(q) ? q : null;
}
