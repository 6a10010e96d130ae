// The 2026 State Council schedule (国办发明电〔2025〕7号), block by block, written out
// here independently of cn-official.ts so a wrong line there fails a test here.
import { describe, expect, it } from "vitest";
import { cnOfficialCalendarData } from "./cn-official";
import { addWorkingDays, createWorkingCalendar, isWorkingDay, shanghaiDateString } from "./working-days";

const cal = createWorkingCalendar(cnOfficialCalendarData());
const noon = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = noon(from); d <= noon(to); d = new Date(d.getTime() + 86_400_000)) out.push(shanghaiDateString(d));
  return out;
};
const add = (iso: string, n: number) => shanghaiDateString(addWorkingDays(noon(iso), n, cal));

// Each block, the last working day before it, and the first working day after it.
const BLOCKS = [
  { name: "元旦", from: "2026-01-01", to: "2026-01-03", before: "2025-12-31", after: "2026-01-04" },
  { name: "春节", from: "2026-02-15", to: "2026-02-23", before: "2026-02-14", after: "2026-02-24" },
  { name: "清明节", from: "2026-04-04", to: "2026-04-06", before: "2026-04-03", after: "2026-04-07" },
  { name: "劳动节", from: "2026-05-01", to: "2026-05-05", before: "2026-04-30", after: "2026-05-06" },
  { name: "端午节", from: "2026-06-19", to: "2026-06-21", before: "2026-06-18", after: "2026-06-22" },
  { name: "中秋节", from: "2026-09-25", to: "2026-09-27", before: "2026-09-24", after: "2026-09-28" },
  { name: "国庆节", from: "2026-10-01", to: "2026-10-07", before: "2026-09-30", after: "2026-10-08" },
];
const ADJUSTED_WORKDAYS = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

describe("2026 holiday blocks", () => {
  it.each(BLOCKS)("$name: every day from $from to $to is off", ({ from, to }) => {
    for (const d of days(from, to)) expect(isWorkingDay(noon(d), cal), d).toBe(false);
  });

  it.each(BLOCKS)("$name: a deadline of one working day from $before lands on $after", ({ before, after }) => {
    expect(add(before, 1)).toBe(after);
  });
});

describe("2026 adjusted working days (调休)", () => {
  it.each(ADJUSTED_WORKDAYS)("%s is a weekend day that is worked", (iso) => {
    const weekday = noon(iso).getUTCDay();
    expect([0, 6]).toContain(weekday);
    expect(isWorkingDay(noon(iso), cal)).toBe(true);
  });

  it("counts Sat 5/9 inside a 5-day deadline after the May Day break", () => {
    // Thu 4/30 + 5: 5/6, 5/7, 5/8, Sat 5/9 (worked), Mon 5/11.
    expect(add("2026-04-30", 5)).toBe("2026-05-11");
  });

  it("ordinary weekends stay off", () => {
    for (const d of ["2026-03-07", "2026-03-08", "2026-11-28", "2026-11-29"]) expect(isWorkingDay(noon(d), cal), d).toBe(false);
  });
});
