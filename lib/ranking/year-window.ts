/**
 * The assessed year as UTC bounds [start, end) of the Asia/Shanghai calendar year, in the
 * shape the ranking's set-based queries take. `quarter` is 4: the quarter whose return
 * carries the year-end figures, and "the year's returns up to it" are all four.
 */
import { quarterWindow, type TQuarterWindow } from "./quarter-window";

export function yearWindow(year: number): TQuarterWindow {
  return { year, quarter: 4, start: quarterWindow(year, 1).start, end: quarterWindow(year, 4).end };
}
