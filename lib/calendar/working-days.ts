/**
 * Chinese working days (工作日), judged on the Asia/Shanghai calendar day.
 *
 * Why this module exists and how it counts:
 * - Program deadlines are "N working days" (3–5 工作日 after a bank/park forwards an
 *   application), so the day of forwarding itself never counts: the clock starts on the
 *   next Shanghai calendar day. `addWorkingDays(start, n)` therefore returns the END of
 *   the n-th working day strictly AFTER start's Shanghai day.
 * - China has no DST: Asia/Shanghai is a fixed UTC+8 since 1991, so the Shanghai day of an
 *   instant is plain arithmetic on epoch milliseconds (+8h, floor to days). No Intl, no
 *   tz database — fast enough to run over 100,000 items.
 * - The State Council publishes each year's holidays and adjusted working days (调休) late
 *   in the previous year. A year without a published schedule falls back to Monday–Friday
 *   and is "provisional": callers must surface a warning (see `isProvisional`).
 *
 * Pure: no I/O, no framework. Schedule data lives in ./cn-official.ts.
 *
 * Internally every date is a "day number": days since 1970-01-01 of the Shanghai calendar.
 */

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Built by `createWorkingCalendar`; treat as opaque (fields are internal, precomputed). */
export interface WorkingCalendar {
  /** Day numbers that are days off (including weekdays off). */
  readonly holidays: ReadonlySet<number>;
  /** Day numbers of adjusted weekend working days (调休上班). */
  readonly workdays: ReadonlySet<number>;
  /** Years whose official schedule is known. */
  readonly publishedYears: ReadonlySet<number>;
  /** Sorted day numbers of holidays falling on Mon–Fri (each removes one working day). */
  readonly weekdayHolidaysSorted: readonly number[];
  /** Sorted day numbers of adjusted working days (each adds one working day). */
  readonly workdaysSorted: readonly number[];
}

export interface WorkingCalendarData {
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
  /** Years with a published schedule; if omitted, the years appearing in holidays/workdays. */
  readonly publishedYears?: readonly number[];
}

// ---------------------------------------------------------------------------
// Day-number arithmetic

/** Day number parsed from a strict "YYYY-MM-DD" (rejects e.g. 2026-02-30); throws on bad input. */
function parseIsoDay(iso: string, what: string): number {
  const m = typeof iso === "string" ? ISO_DATE.exec(iso) : null;
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC maps years 0–99 to 1900–1999: the round-trip check below rejects those too.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new Error(`${what}: invalid ISO date ${JSON.stringify(iso)} (expected a real date as "YYYY-MM-DD")`);
}

function shanghaiDayNumber(date: Date): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new TypeError("working-days: expected a valid Date");
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function isoOf(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${dd < 10 ? "0" : ""}${dd}`;
}

/** UTC instant of 23:59:59.999 Shanghai time on that day. */
function endOfDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);
}

/**
 * Monday–Friday count, offset so that differences are exact:
 * mondayToFridayBefore(b) - mondayToFridayBefore(a) = number of Mon–Fri days d with a <= d < b.
 */
function mondayToFridayBefore(day: number): number {
  const m = day - 4; // day 4 = 1970-01-05, a Monday
  const weeks = Math.floor(m / 7);
  return weeks * 5 + Math.min(m - weeks * 7, 5);
}

/** Number of elements <= x in a sorted array. */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isWorkingDayNumber(day: number, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return !isWeekend(day);
}

/** Working days d with a < d <= b (requires a <= b). O(log n). */
function countWorkingDaysAfterUpTo(a: number, b: number, cal: WorkingCalendar): number {
  return (
    mondayToFridayBefore(b + 1) -
    mondayToFridayBefore(a + 1) -
    (countAtMost(cal.weekdayHolidaysSorted, b) - countAtMost(cal.weekdayHolidaysSorted, a)) +
    (countAtMost(cal.workdaysSorted, b) - countAtMost(cal.workdaysSorted, a))
  );
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Builds a calendar from ISO dates. Throws an Error on: a malformed or impossible date, a
 * date listed both as holiday and workday, a workday that is not a Saturday/Sunday (an
 * adjusted working day on Mon–Fri is meaningless and almost surely a data-entry typo), or a
 * non-integer year in `publishedYears`. Duplicates within one list are tolerated.
 */
export function createWorkingCalendar(data: WorkingCalendarData): WorkingCalendar {
  if (data === null || typeof data !== "object" || !Array.isArray(data.holidays) || !Array.isArray(data.workdays)) {
    throw new Error("createWorkingCalendar: expected { holidays: string[]; workdays: string[] }");
  }
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const derivedYears = new Set<number>();

  for (const iso of data.holidays) {
    const day = parseIsoDay(iso, "createWorkingCalendar holidays");
    holidays.add(day);
    derivedYears.add(yearOf(day));
  }
  for (const iso of data.workdays) {
    const day = parseIsoDay(iso, "createWorkingCalendar workdays");
    if (holidays.has(day)) {
      throw new Error(`createWorkingCalendar: ${iso} is listed both as a holiday and as a workday`);
    }
    if (!isWeekend(day)) {
      throw new Error(`createWorkingCalendar: workday ${iso} is not a Saturday or Sunday (adjusted working days are weekend days)`);
    }
    workdays.add(day);
    derivedYears.add(yearOf(day));
  }

  let publishedYears = derivedYears;
  if (data.publishedYears !== undefined) {
    if (!Array.isArray(data.publishedYears)) {
      throw new Error("createWorkingCalendar: publishedYears must be an array of years");
    }
    publishedYears = new Set<number>();
    for (const y of data.publishedYears) {
      if (!Number.isInteger(y) || y < 1 || y > 9999) {
        throw new Error(`createWorkingCalendar: invalid year in publishedYears: ${String(y)}`);
      }
      publishedYears.add(y);
    }
  }

  const calendar: WorkingCalendar = {
    holidays,
    workdays,
    publishedYears,
    weekdayHolidaysSorted: Object.freeze([...holidays].filter((d) => !isWeekend(d)).sort((a, b) => a - b)),
    workdaysSorted: Object.freeze([...workdays].sort((a, b) => a - b)),
  };
  return Object.freeze(calendar);
}

/** Whether the Asia/Shanghai calendar day of `date` is a working day. */
export function isWorkingDay(date: Date, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(shanghaiDayNumber(date), calendar);
}

/**
 * End (23:59:59.999 Asia/Shanghai, as a UTC instant) of the `days`-th working day strictly
 * AFTER the Shanghai day of `start` — the start day never counts, even if it is a working day.
 *
 * `days = 0` (decision): end of start's Shanghai day if it is a working day, otherwise end of
 * the next working day, i.e. "the deadline is the first working day on or after start".
 *
 * Throws a RangeError unless `days` is a non-negative integer.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`addWorkingDays: days must be a non-negative integer, got ${String(days)}`);
  }
  let day = shanghaiDayNumber(start);
  if (days === 0) {
    while (!isWorkingDayNumber(day, calendar)) day++;
    return endOfDay(day);
  }
  let counted = 0;
  while (counted < days) {
    day++;
    if (isWorkingDayNumber(day, calendar)) counted++;
  }
  return endOfDay(day);
}

/**
 * Working days strictly after from's Shanghai day, up to and including to's Shanghai day.
 * Antisymmetric: if `to`'s day is before `from`'s, returns −workingDaysBetween(to, from).
 * Same Shanghai day → 0. Use as "剩余 N 个工作日" (from = now, to = deadline) or
 * "逾期 N 个工作日" (from = deadline, to = now). O(log n) regardless of the span.
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  const a = shanghaiDayNumber(from);
  const b = shanghaiDayNumber(to);
  if (a === b) return 0;
  return a < b ? countWorkingDaysAfterUpTo(a, b, calendar) : -countWorkingDaysAfterUpTo(b, a, calendar);
}

/** Whether the calendar has an official schedule for this (Gregorian) year. */
export function hasPublishedYear(year: number, calendar: WorkingCalendar): boolean {
  return calendar.publishedYears.has(year);
}

/**
 * True when the Shanghai year of `date` has no published schedule, so Mon–Fri was assumed.
 * For a computed deadline check both ends (`isProvisional(start) || isProvisional(deadline)`)
 * or use `isRangeProvisional`: a span crossing into an unpublished year is provisional too.
 */
export function isProvisional(date: Date, calendar: WorkingCalendar): boolean {
  return !calendar.publishedYears.has(yearOf(shanghaiDayNumber(date)));
}

/** True when any Shanghai year from `from` to `to` (inclusive, either order) is unpublished. */
export function isRangeProvisional(from: Date, to: Date, calendar: WorkingCalendar): boolean {
  const ya = yearOf(shanghaiDayNumber(from));
  const yb = yearOf(shanghaiDayNumber(to));
  for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) {
    if (!calendar.publishedYears.has(y)) return true;
  }
  return false;
}

/** "YYYY-MM-DD" of the Asia/Shanghai calendar day of `date`. */
export function shanghaiDateString(date: Date): string {
  return isoOf(shanghaiDayNumber(date));
}

/** UTC instant of 23:59:59.999 Asia/Shanghai on `isoDate` ("YYYY-MM-DD"); throws on bad input. */
export function endOfShanghaiDay(isoDate: string): Date {
  return endOfDay(parseIsoDay(isoDate, "endOfShanghaiDay"));
}
