/**
 * When to warn that a year's holiday schedule (节假日安排) has not been entered.
 *
 * The State Council publishes next year's schedule in late October or November; until it
 * is entered, deadlines falling in that year are provisional (Mon–Fri assumed, see
 * ./working-days.ts). From 1 November (Asia/Shanghai) the finance office is warned that
 * next year is missing. A CURRENT year that is still missing is warned about all year
 * round (otherwise the warning would vanish on 1 January although nothing was entered).
 *
 * Pure: no I/O. Asia/Shanghai is a fixed UTC+8 (no DST), so the day is plain arithmetic.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** First month (1–12, Shanghai time) from which next year's schedule is expected. */
export const NEXT_YEAR_WARNING_FROM_MONTH = 11;

/**
 * The year whose schedule is missing and should be warned about at `now`, or null:
 * the current Shanghai year if it is not published; otherwise, from 1 November, the next
 * year if it is not published.
 */
export function nextYearMissing(now: Date, publishedYears: ReadonlySet<number> | readonly number[]): number | null {
  const t = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new TypeError("nextYearMissing: expected a valid Date");
  const published = publishedYears instanceof Set ? publishedYears : new Set(publishedYears as readonly number[]);
  const shanghai = new Date(t + SHANGHAI_OFFSET_MS);
  const year = shanghai.getUTCFullYear();
  const month = shanghai.getUTCMonth() + 1;
  if (!published.has(year)) return year;
  if (month >= NEXT_YEAR_WARNING_FROM_MONTH && !published.has(year + 1)) return year + 1;
  return null;
}
