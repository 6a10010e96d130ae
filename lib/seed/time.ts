/**
 * Dates for the demo data. Instants are epoch milliseconds; "days" are ISO strings of the
 * Asia/Shanghai calendar (UTC+8, no DST). @db.Date columns get UTC midnight of the day.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The Asia/Shanghai calendar day of an instant. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Instant of hh:mm Shanghai time on an ISO day. */
export function shanghaiInstant(day: string, hh = 0, mm = 0): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + hh * HOUR_MS + mm * MINUTE_MS;
}

/** Milliseconds since Shanghai midnight of the instant's day. */
export function msIntoShanghaiDay(ms: number): number {
  return (((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** For @db.Date columns: UTC midnight of the ISO day. */
export function dateOnly(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The same day n months later, clamped to the month's end (1-31 + 1 month → 2-28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm, Math.min(d, last))).toISOString().slice(0, 10);
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export interface TQuarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function quarterOf(day: string): TQuarter {
  const m = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((m - 1) / 3) + 1) as TQuarter["quarter"] };
}

export function previousQuarter(q: TQuarter): TQuarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as TQuarter["quarter"] };
}

export function quarterFirstDay(q: TQuarter): string {
  return `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
}

export function quarterLastDay(q: TQuarter): string {
  const next =
    q.quarter === 4 ? { year: q.year + 1, quarter: 1 as const } : { year: q.year, quarter: (q.quarter + 1) as TQuarter["quarter"] };
  return addDays(quarterFirstDay(next), -1);
}

/** Today in Asia/Shanghai, as "YYYY-MM-DD". */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDay(now.getTime());
}
