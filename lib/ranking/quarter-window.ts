/**
 * The ranked quarter as UTC bounds [start, end) of the Asia/Shanghai calendar quarter, and
 * the working-day index the item query uses to count working days in SQL.
 */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

export type TQuarterWindow = { year: number; quarter: 1 | 2 | 3 | 4; start: Date; end: Date };

const DAY_MS = 86_400_000;

const shanghaiMidnight = (year: number, month0: number) =>
  new Date(Date.UTC(year + Math.floor(month0 / 12), month0 % 12, 1) - 8 * 3_600_000);

export function quarterWindow(year: number, quarter: 1 | 2 | 3 | 4): TQuarterWindow {
  const first = (quarter - 1) * 3;
  return { year, quarter, start: shanghaiMidnight(year, first), end: shanghaiMidnight(year, first + 3) };
}

/**
 * The submission deadline when the row has none: `windowDays` working days after the
 * quarter's last day (三个一: 季后7个工作日内), the end of that working day.
 */
export function defaultSubmissionDue(window: TQuarterWindow, windowDays: number, calendar: WorkingCalendar): Date {
  return addWorkingDays(new Date(window.end.getTime() - 1), windowDays, calendar);
}

/**
 * idx[k] = working days from the quarter's first Shanghai day to that day + k, for every
 * day up to the cut-off. workingDaysBetween(a, b) = idx[b] − idx[a] because it counts the
 * working days in (a, b]: so SQL gets exactly lib/calendar's count (official calendar,
 * 调休 included) without a round trip per item.
 */
export function workingDayIndex(window: TQuarterWindow, cutoff: Date, calendar: WorkingCalendar): number[] {
  const days = Math.max(0, Math.floor((cutoff.getTime() - window.start.getTime()) / DAY_MS)) + 1;
  const idx: number[] = [];
  for (let k = 0; k < days; k++) idx.push(workingDaysBetween(window.start, new Date(window.start.getTime() + k * DAY_MS), calendar));
  return idx;
}
