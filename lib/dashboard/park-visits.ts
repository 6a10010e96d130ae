/**
 * The half-year of the park visits (the main bank's leader visits each paired park every
 * half-year): which half a day falls in, on the Asia/Shanghai calendar. Pure.
 */
import { shanghaiDateString } from "@/lib/calendar/working-days";

export type THalfYear = { year: number; half: 1 | 2; firstDay: string; lastDay: string };

export function halfYearOf(now: Date): THalfYear {
  const day = shanghaiDateString(now);
  const year = Number(day.slice(0, 4));
  const half = Number(day.slice(5, 7)) <= 6 ? 1 : 2;
  return half === 1
    ? { year, half, firstDay: `${year}-01-01`, lastDay: `${year}-06-30` }
    : { year, half, firstDay: `${year}-07-01`, lastDay: `${year}-12-31` };
}
