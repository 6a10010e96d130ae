/**
 * The calendar quarter (Asia/Shanghai) an instant falls in, as UTC bounds [start, end):
 * the quarterly bulletin lists the items put on it during this quarter.
 */
import { shanghaiDateString } from "@/lib/calendar/working-days";

export type TQuarter = { year: number; quarter: 1 | 2 | 3 | 4; start: Date; end: Date };

const startOfShanghaiMonth = (year: number, month: number) =>
  new Date(`${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-01T00:00:00+08:00`);

export function shanghaiQuarter(now: Date): TQuarter {
  const [y, m] = shanghaiDateString(now).split("-").map(Number) as [number, number];
  const quarter = (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const firstMonth = (quarter - 1) * 3 + 1;
  return { year: y, quarter, start: startOfShanghaiMonth(y, firstMonth), end: startOfShanghaiMonth(y, firstMonth + 3) };
}
