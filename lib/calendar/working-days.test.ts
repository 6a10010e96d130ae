// Working-day arithmetic on the Asia/Shanghai calendar (fixed UTC+8), with the official
// 2025/2026 schedules. The start day never counts: the program counts 3–5 working days
// AFTER forwarding. 2027 has no published schedule here → Mon–Fri and provisional.
import { describe, expect, it } from "vitest";
import { cnOfficialCalendarData, getCnOfficialCalendar } from "./cn-official";
import {
  addWorkingDays,
  createWorkingCalendar,
  endOfShanghaiDay,
  hasPublishedYear,
  isProvisional,
  isRangeProvisional,
  isWorkingDay,
  shanghaiDateString,
  workingDaysBetween,
  type WorkingCalendar,
} from "./working-days";

const cal: WorkingCalendar = createWorkingCalendar(cnOfficialCalendarData());

/** Noon Shanghai time on an ISO day — unambiguous instant inside that day. */
const noon = (iso: string): Date => new Date(`${iso}T12:00:00+08:00`);
/** Shanghai ISO day of the deadline, after checking it is exactly 23:59:59.999 Shanghai. */
function deadlineDay(d: Date): string {
  expect(d.getTime()).toBe(endOfShanghaiDay(shanghaiDateString(d)).getTime());
  return shanghaiDateString(d);
}
const add = (iso: string, n: number): string => deadlineDay(addWorkingDays(noon(iso), n, cal));

describe("shanghaiDateString / endOfShanghaiDay", () => {
  it("uses UTC+8: 16:00Z is already the next Shanghai day", () => {
    expect(shanghaiDateString(new Date("2026-04-30T15:59:59.999Z"))).toBe("2026-04-30");
    expect(shanghaiDateString(new Date("2026-04-30T16:00:00.000Z"))).toBe("2026-05-01");
    expect(shanghaiDateString(new Date("2026-04-30T16:30:00Z"))).toBe("2026-05-01");
    expect(shanghaiDateString(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(shanghaiDateString(new Date("1969-12-31T16:00:00Z"))).toBe("1970-01-01");
    expect(shanghaiDateString(new Date("1969-12-31T15:59:59Z"))).toBe("1969-12-31");
  });

  it("endOfShanghaiDay is 23:59:59.999 at +08:00", () => {
    expect(endOfShanghaiDay("2026-10-10").toISOString()).toBe("2026-10-10T15:59:59.999Z");
    expect(endOfShanghaiDay("2024-02-29").toISOString()).toBe("2024-02-29T15:59:59.999Z");
  });

  it("rejects malformed or impossible ISO dates and invalid Dates", () => {
    for (const bad of ["2026-2-14", "20260214", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "", "2026-02-14T00:00"]) {
      expect(() => endOfShanghaiDay(bad), bad).toThrow(/invalid ISO date/);
    }
    expect(() => shanghaiDateString(new Date("nope"))).toThrow(TypeError);
  });
});

describe("isWorkingDay (official 2026)", () => {
  it.each([
    ["2026-02-14", true, "Sat, 春节调休上班"],
    ["2026-02-16", false, "Mon, 春节"],
    ["2026-02-28", true, "Sat, 春节调休上班"],
    ["2026-01-04", true, "Sun, 元旦调休上班"],
    ["2026-01-02", false, "Fri, 元旦"],
    ["2026-09-20", true, "Sun, 国庆调休上班"],
    ["2026-09-25", false, "Fri, 中秋节"],
    ["2026-10-10", true, "Sat, 国庆调休上班"],
    ["2026-10-08", true, "Thu after 国庆"],
    ["2026-06-19", false, "Fri, 端午节"],
    ["2026-03-10", true, "ordinary Tuesday"],
    ["2026-03-14", false, "ordinary Saturday"],
    ["2026-03-15", false, "ordinary Sunday"],
    ["2025-10-08", false, "Wed, 2025 国庆中秋"],
    ["2025-10-11", true, "Sat, 2025 调休上班"],
  ])("%s → %s (%s)", (iso, expected) => {
    expect(isWorkingDay(noon(iso), cal)).toBe(expected);
  });

  it("judges the Shanghai day, not the UTC day", () => {
    // 2026-04-30 (Thu) in UTC, but 2026-05-01 00:30 in Shanghai: 劳动节.
    expect(isWorkingDay(new Date("2026-04-30T16:30:00Z"), cal)).toBe(false);
    expect(isWorkingDay(new Date("2026-04-30T15:30:00Z"), cal)).toBe(true);
    // Sat 2026-02-14 UTC evening is Sun 2026-02-15 (春节) in Shanghai.
    expect(isWorkingDay(new Date("2026-02-14T17:00:00Z"), cal)).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("Fri 2026-09-18 + 5: Sun 9/20 counts, lands Thu 9/24; + 6 skips 中秋 to Mon 9/28", () => {
    expect(add("2026-09-18", 1)).toBe("2026-09-20");
    expect(add("2026-09-18", 5)).toBe("2026-09-24");
    expect(add("2026-09-18", 6)).toBe("2026-09-28");
  });

  it("returns the UTC instant of 23:59:59.999 Shanghai", () => {
    expect(addWorkingDays(noon("2026-09-18"), 5, cal).toISOString()).toBe("2026-09-24T15:59:59.999Z");
  });

  it("National Day week: 9/30 + 1 → 10/8, + 3 → Sat 10/10 (调休上班), + 4 → Mon 10/12", () => {
    expect(add("2026-09-30", 1)).toBe("2026-10-08");
    expect(add("2026-09-30", 2)).toBe("2026-10-09");
    expect(add("2026-09-30", 3)).toBe("2026-10-10");
    expect(add("2026-09-30", 4)).toBe("2026-10-12");
  });

  it("Chinese New Year 2026: Fri 2/13 + 1 → Sat 2/14, + 2 → 2/24, + 6 → Sat 2/28", () => {
    expect(add("2026-02-13", 1)).toBe("2026-02-14");
    expect(add("2026-02-13", 2)).toBe("2026-02-24");
    expect(add("2026-02-13", 5)).toBe("2026-02-27");
    expect(add("2026-02-13", 6)).toBe("2026-02-28");
    expect(add("2026-02-13", 7)).toBe("2026-03-02");
  });

  it("Chinese New Year 2025: Fri 1/24 + 1 → Sun 1/26, + 3 → 2/5, + 5 → Sat 2/8", () => {
    expect(add("2025-01-24", 1)).toBe("2025-01-26");
    expect(add("2025-01-24", 2)).toBe("2025-01-27");
    expect(add("2025-01-24", 3)).toBe("2025-02-05");
    expect(add("2025-01-24", 5)).toBe("2025-02-07");
    expect(add("2025-01-24", 6)).toBe("2025-02-08");
  });

  it("the start day never counts, even when it is a working day", () => {
    expect(add("2026-03-10", 1)).toBe("2026-03-11");
    expect(add("2026-03-13", 1)).toBe("2026-03-16"); // Fri → Mon
    expect(add("2026-10-10", 1)).toBe("2026-10-12"); // working Saturday → Mon
  });

  it("start on a holiday counts from the first working day after it", () => {
    expect(add("2026-10-03", 1)).toBe("2026-10-08");
    expect(add("2026-10-03", 3)).toBe("2026-10-10");
    expect(add("2026-05-01", 4)).toBe("2026-05-09"); // 5/6, 5/7, 5/8, Sat 5/9
  });

  it("uses the Shanghai day of start: 2026-04-29T16:30Z is Thu 4/30 in Shanghai", () => {
    // Were the UTC day (Wed 4/29) used, + 1 would give 4/30.
    expect(deadlineDay(addWorkingDays(new Date("2026-04-29T16:30:00Z"), 1, cal))).toBe("2026-05-06");
    expect(deadlineDay(addWorkingDays(new Date("2026-04-29T15:30:00Z"), 1, cal))).toBe("2026-04-30");
    // 2026-04-30T16:30Z is 5/1 00:30 Shanghai (劳动节): + 5 → 5/6, 5/7, 5/8, Sat 5/9, Mon 5/11.
    expect(deadlineDay(addWorkingDays(new Date("2026-04-30T16:30:00Z"), 5, cal))).toBe("2026-05-11");
  });

  it("days = 0: end of start's day if working, else end of the next working day", () => {
    expect(add("2026-03-10", 0)).toBe("2026-03-10");
    expect(add("2026-02-14", 0)).toBe("2026-02-14");
    expect(add("2026-10-03", 0)).toBe("2026-10-08");
    expect(add("2026-03-14", 0)).toBe("2026-03-16");
    expect(deadlineDay(addWorkingDays(new Date("2026-04-30T16:30:00Z"), 0, cal))).toBe("2026-05-06");
  });

  it("crosses into an unpublished year with Mon–Fri fallback", () => {
    expect(add("2026-12-31", 1)).toBe("2027-01-01"); // Fri; real 2027 元旦 unknown to us
    expect(add("2026-12-31", 2)).toBe("2027-01-04");
  });

  it("throws on negative, non-integer or non-finite days and on an invalid start", () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
      expect(() => addWorkingDays(noon("2026-03-10"), bad, cal), String(bad)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(new Date(Number.NaN), 1, cal)).toThrow(TypeError);
  });

  it("does not mutate the start date", () => {
    const start = noon("2026-09-18");
    const before = start.getTime();
    addWorkingDays(start, 5, cal);
    expect(start.getTime()).toBe(before);
  });
});

describe("workingDaysBetween", () => {
  it("positive, zero and negative", () => {
    expect(workingDaysBetween(noon("2026-09-18"), noon("2026-09-24"), cal)).toBe(5);
    expect(workingDaysBetween(noon("2026-09-24"), noon("2026-09-18"), cal)).toBe(-5);
    expect(workingDaysBetween(noon("2026-09-18"), noon("2026-09-18"), cal)).toBe(0);
    // distinct days, all off → 0
    expect(workingDaysBetween(noon("2026-09-24"), noon("2026-09-27"), cal)).toBe(0);
    expect(workingDaysBetween(noon("2026-09-19"), noon("2026-09-20"), cal)).toBe(1); // Sat → Sun workday
    expect(workingDaysBetween(noon("2026-09-30"), noon("2026-10-10"), cal)).toBe(3);
    expect(workingDaysBetween(noon("2026-10-10"), noon("2026-09-30"), cal)).toBe(-3);
  });

  it("uses Shanghai days for both ends", () => {
    // Same UTC day, but 4/30 vs 5/1 in Shanghai; 5/1 is off → 0. 4/29 Shanghai → 4/30: 1.
    expect(workingDaysBetween(new Date("2026-04-30T15:00:00Z"), new Date("2026-04-30T17:00:00Z"), cal)).toBe(0);
    expect(workingDaysBetween(new Date("2026-04-29T15:00:00Z"), new Date("2026-04-29T17:00:00Z"), cal)).toBe(1);
  });

  it("overdue: a deadline of 9/24 seen on 10/9 is 5 working days late (9/28, 9/29, 9/30, 10/8, 10/9)", () => {
    expect(workingDaysBetween(endOfShanghaiDay("2026-09-24"), noon("2026-10-09"), cal)).toBe(5);
  });

  it("inverts addWorkingDays for every start day of 2025–2027 and n = 1..12", () => {
    for (let t = noon("2025-01-01").getTime(); t <= noon("2027-12-31").getTime(); t += 86_400_000) {
      const start = new Date(t);
      for (let n = 1; n <= 12; n++) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });

  it("matches a day-by-day count over long spans (incl. before 1970)", () => {
    const brute = (fromIso: string, toIso: string): number => {
      let count = 0;
      for (let t = noon(fromIso).getTime() + 86_400_000; t <= noon(toIso).getTime(); t += 86_400_000) {
        if (isWorkingDay(new Date(t), cal)) count++;
      }
      return count;
    };
    const pairs: [string, string][] = [
      ["2024-12-15", "2028-01-10"],
      ["1969-12-20", "1970-01-20"],
      ["2025-01-01", "2026-12-31"],
      ["2026-02-13", "2026-03-02"],
    ];
    for (const [a, b] of pairs) {
      expect(workingDaysBetween(noon(a), noon(b), cal), `${a}..${b}`).toBe(brute(a, b));
      expect(workingDaysBetween(noon(b), noon(a), cal), `${b}..${a}`).toBe(-brute(a, b));
    }
    // 2026 has 248 working days in the official schedule (365 − 104 weekend days − 19 weekday holidays + 6 调休).
    expect(workingDaysBetween(noon("2025-12-31"), noon("2026-12-31"), cal)).toBe(248);
  });
});

describe("provisional years", () => {
  it("2025 and 2026 are published, 2027 is not", () => {
    expect(hasPublishedYear(2025, cal)).toBe(true);
    expect(hasPublishedYear(2026, cal)).toBe(true);
    expect(hasPublishedYear(2027, cal)).toBe(false);
    expect(isProvisional(noon("2026-06-01"), cal)).toBe(false);
    expect(isProvisional(noon("2027-01-01"), cal)).toBe(true);
  });

  it("2027 falls back to Mon–Fri", () => {
    expect(isWorkingDay(noon("2027-01-01"), cal)).toBe(true); // Fri, would be 元旦 once published
    expect(isWorkingDay(noon("2027-01-02"), cal)).toBe(false); // Sat
    expect(isWorkingDay(noon("2027-10-01"), cal)).toBe(true); // Fri
    expect(add("2027-09-30", 3)).toBe("2027-10-05");
  });

  it("judges the Shanghai year: 2026-12-31T16:30Z is already 2027", () => {
    expect(isProvisional(new Date("2026-12-31T15:30:00Z"), cal)).toBe(false);
    expect(isProvisional(new Date("2026-12-31T16:30:00Z"), cal)).toBe(true);
  });

  it("isRangeProvisional flags any unpublished year in the span, in either order", () => {
    expect(isRangeProvisional(noon("2025-03-01"), noon("2026-11-01"), cal)).toBe(false);
    expect(isRangeProvisional(noon("2026-12-30"), noon("2027-01-04"), cal)).toBe(true);
    expect(isRangeProvisional(noon("2027-01-04"), noon("2026-12-30"), cal)).toBe(true);
    expect(isRangeProvisional(noon("2024-12-30"), noon("2025-01-02"), cal)).toBe(true);
  });
});

describe("createWorkingCalendar", () => {
  it("with no data, Mon–Fri are working days and no year is published", () => {
    const empty = createWorkingCalendar({ holidays: [], workdays: [] });
    expect(isWorkingDay(noon("2026-10-01"), empty)).toBe(true);
    expect(isWorkingDay(noon("2026-02-14"), empty)).toBe(false);
    expect(isProvisional(noon("2026-10-01"), empty)).toBe(true);
    expect(deadlineDay(addWorkingDays(noon("2026-10-03"), 0, empty))).toBe("2026-10-05");
    expect(deadlineDay(addWorkingDays(noon("2026-09-18"), 5, empty))).toBe("2026-09-25");
    expect(workingDaysBetween(noon("2026-09-18"), noon("2026-09-25"), empty)).toBe(5);
  });

  it("derives published years from the dates when publishedYears is omitted", () => {
    const c = createWorkingCalendar({ holidays: ["2030-05-01"], workdays: ["2031-01-04"] });
    expect([...c.publishedYears].sort()).toEqual([2030, 2031]);
    expect(isWorkingDay(noon("2030-05-01"), c)).toBe(false); // Wed off
    expect(isWorkingDay(noon("2031-01-04"), c)).toBe(true); // Sat on
  });

  it("uses publishedYears exactly when given (a notice may list a day of the adjacent year)", () => {
    // e.g. the 2012 notice made Sat 2011-12-31 a working day.
    const c = createWorkingCalendar({ holidays: ["2012-01-02"], workdays: ["2011-12-31"], publishedYears: [2012] });
    expect(hasPublishedYear(2012, c)).toBe(true);
    expect(hasPublishedYear(2011, c)).toBe(false);
    expect(isWorkingDay(noon("2011-12-31"), c)).toBe(true);
    expect(hasPublishedYear(2026, createWorkingCalendar({ holidays: [], workdays: [], publishedYears: [2026] }))).toBe(true);
  });

  it("tolerates duplicates", () => {
    const c = createWorkingCalendar({ holidays: ["2026-10-01", "2026-10-01"], workdays: [] });
    expect(workingDaysBetween(noon("2026-09-30"), noon("2026-10-02"), c)).toBe(1);
  });

  it("throws on a bad ISO date", () => {
    expect(() => createWorkingCalendar({ holidays: ["2026-10-1"], workdays: [] })).toThrow(/invalid ISO date "2026-10-1"/);
    expect(() => createWorkingCalendar({ holidays: [], workdays: ["2026-02-29"] })).toThrow(/invalid ISO date/);
    expect(() => createWorkingCalendar({ holidays: ["2026/10/01"], workdays: [] })).toThrow(/holidays/);
  });

  it("throws on a date that is both holiday and workday", () => {
    expect(() => createWorkingCalendar({ holidays: ["2026-02-14"], workdays: ["2026-02-14"] })).toThrow(
      /2026-02-14 is listed both as a holiday and as a workday/,
    );
  });

  it("throws on a workday that is not a weekend day (likely typo)", () => {
    expect(() => createWorkingCalendar({ holidays: [], workdays: ["2026-10-09"] })).toThrow(/not a Saturday or Sunday/);
  });

  it("throws on bad publishedYears and bad shape", () => {
    expect(() => createWorkingCalendar({ holidays: [], workdays: [], publishedYears: [2026.5] })).toThrow(/publishedYears/);
    expect(() => createWorkingCalendar({ holidays: [], workdays: [], publishedYears: [Number.NaN] })).toThrow(/publishedYears/);
    expect(() => createWorkingCalendar(null as unknown as { holidays: string[]; workdays: string[] })).toThrow();
    expect(() => createWorkingCalendar({ holidays: "2026-10-01" } as unknown as { holidays: string[]; workdays: string[] })).toThrow();
  });

  it("getCnOfficialCalendar is the memoized official calendar", () => {
    const a = getCnOfficialCalendar();
    expect(getCnOfficialCalendar()).toBe(a);
    expect(isWorkingDay(noon("2026-10-10"), a)).toBe(true);
    expect(hasPublishedYear(2027, a)).toBe(false);
  });
});
