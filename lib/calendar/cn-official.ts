/**
 * Official PRC public-holiday schedules (国务院办公厅关于部分节假日安排的通知), our own data —
 * we deliberately do not depend on a third-party holiday package.
 *
 * Why: deadlines in the program are counted in working days (see ./working-days.ts), and
 * Chinese working days are not Mon–Fri: the State Council moves weekends around (调休).
 * Each notice is published late in the previous year; add a year here ONLY from the
 * published notice (cite it in `source`). A year missing here is treated as provisional
 * (Mon–Fri) and the app must warn. 2027 is intentionally absent: not published in our data.
 *
 * Each period below mirrors one line of the notice; `holidays` lists EVERY day of each
 * range, including days that fall on a weekend (harmless: weekends are off anyway).
 * `workdays` are the adjusted weekend working days (调休上班).
 */

import { createWorkingCalendar, type WorkingCalendar } from "./working-days";

export interface CnOfficialSchedule {
  /** The notice this year's data is copied from. */
  readonly source: string;
  /** Every day off, "YYYY-MM-DD", ascending. Frozen at runtime: do not mutate. */
  readonly holidays: string[];
  /** Adjusted weekend working days, "YYYY-MM-DD", ascending. Frozen at runtime. */
  readonly workdays: string[];
  /** Holiday name for each date in `holidays` (元旦, 春节, …). */
  readonly names: Readonly<Record<string, string>>;
  /** For each date in `workdays`, the holiday it makes up for. */
  readonly adjustedFor: Readonly<Record<string, string>>;
}

interface Period {
  readonly name: string;
  /** Inclusive range of days off, "YYYY-MM-DD". */
  readonly off: readonly [from: string, to: string];
  /** Adjusted weekend working days belonging to this holiday. */
  readonly work: readonly string[];
}

const NOTICES: Record<number, { source: string; periods: readonly Period[] }> = {
  2025: {
    source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
    periods: [
      { name: "元旦", off: ["2025-01-01", "2025-01-01"], work: [] },
      { name: "春节", off: ["2025-01-28", "2025-02-04"], work: ["2025-01-26", "2025-02-08"] },
      { name: "清明节", off: ["2025-04-04", "2025-04-06"], work: [] },
      { name: "劳动节", off: ["2025-05-01", "2025-05-05"], work: ["2025-04-27"] },
      { name: "端午节", off: ["2025-05-31", "2025-06-02"], work: [] },
      { name: "国庆节、中秋节", off: ["2025-10-01", "2025-10-08"], work: ["2025-09-28", "2025-10-11"] },
    ],
  },
  2026: {
    source: "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）",
    periods: [
      { name: "元旦", off: ["2026-01-01", "2026-01-03"], work: ["2026-01-04"] },
      { name: "春节", off: ["2026-02-15", "2026-02-23"], work: ["2026-02-14", "2026-02-28"] },
      { name: "清明节", off: ["2026-04-04", "2026-04-06"], work: [] },
      { name: "劳动节", off: ["2026-05-01", "2026-05-05"], work: ["2026-05-09"] },
      { name: "端午节", off: ["2026-06-19", "2026-06-21"], work: [] },
      { name: "中秋节", off: ["2026-09-25", "2026-09-27"], work: [] },
      { name: "国庆节", off: ["2026-10-01", "2026-10-07"], work: ["2026-09-20", "2026-10-10"] },
    ],
  },
};

const DAY_MS = 86_400_000;

function isoDaysInclusive(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    throw new Error(`cn-official: bad holiday range ${from}..${to}`);
  }
  const out: string[] = [];
  for (let t = start; t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function expand(source: string, periods: readonly Period[]): CnOfficialSchedule {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const names: Record<string, string> = {};
  const adjustedFor: Record<string, string> = {};
  for (const p of periods) {
    for (const d of isoDaysInclusive(p.off[0], p.off[1])) {
      holidays.push(d);
      names[d] = p.name;
    }
    for (const d of p.work) {
      workdays.push(d);
      adjustedFor[d] = p.name;
    }
  }
  holidays.sort();
  workdays.sort();
  return Object.freeze({
    source,
    holidays: Object.freeze(holidays) as string[],
    workdays: Object.freeze(workdays) as string[],
    names: Object.freeze(names),
    adjustedFor: Object.freeze(adjustedFor),
  });
}

export const CN_OFFICIAL_SCHEDULES: Record<number, CnOfficialSchedule> = Object.freeze(
  Object.fromEntries(Object.entries(NOTICES).map(([year, n]) => [Number(year), expand(n.source, n.periods)])) as Record<
    number,
    CnOfficialSchedule
  >,
);

/** Years with an official schedule in our data, ascending. */
export const CN_PUBLISHED_YEARS: readonly number[] = Object.freeze(
  Object.keys(CN_OFFICIAL_SCHEDULES)
    .map(Number)
    .sort((a, b) => a - b),
);

/**
 * All official data merged, ready for `createWorkingCalendar`. `publishedYears` is explicit
 * (the keys above), not derived from dates: a notice may list a day of an adjacent year.
 */
export function cnOfficialCalendarData(): {
  holidays: string[];
  workdays: string[];
  publishedYears: number[];
} {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const year of CN_PUBLISHED_YEARS) {
    const s = CN_OFFICIAL_SCHEDULES[year];
    if (!s) continue;
    holidays.push(...s.holidays);
    workdays.push(...s.workdays);
  }
  return { holidays, workdays, publishedYears: [...CN_PUBLISHED_YEARS] };
}

/** Name of the official holiday on an ISO date ("2026-10-03" → "国庆节"), or undefined. */
export function cnHolidayName(isoDate: string): string | undefined {
  const s = CN_OFFICIAL_SCHEDULES[Number(isoDate.slice(0, 4))];
  return s?.names[isoDate];
}

let official: WorkingCalendar | undefined;

/** The calendar built from all official data (memoized; cheap to call per request). */
export function getCnOfficialCalendar(): WorkingCalendar {
  official ??= createWorkingCalendar(cnOfficialCalendarData());
  return official;
}
