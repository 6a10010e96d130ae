import { describe, expect, it } from "vitest";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { createWorkingCalendar } from "@/lib/calendar/working-days";
import {
  endedQuartersOfYear,
  hasQuarterEnded,
  isLateSubmission,
  lastEndedQuarter,
  parseQuarterParam,
  previousQuarter,
  quarterBounds,
  quarterOf,
  quarterParam,
  submissionDueAt,
} from "./quarter";

const at = (local: string) => new Date(`${local}+08:00`);

describe("quarter bounds (Asia/Shanghai)", () => {
  it("runs from Shanghai midnight of the first day to Shanghai midnight after the last", () => {
    const q3 = quarterBounds({ year: 2026, quarter: 3 });
    expect(q3.start.toISOString()).toBe("2026-06-30T16:00:00.000Z");
    expect(q3.end.toISOString()).toBe("2026-09-30T16:00:00.000Z");
  });
  it("ends the fourth quarter at the start of the next year, and starts the first on 1 January", () => {
    expect(quarterBounds({ year: 2025, quarter: 4 }).end.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(quarterBounds({ year: 2026, quarter: 1 }).start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });
  it("puts an instant in the quarter of its Shanghai day, across the year boundary", () => {
    expect(quarterOf(new Date("2025-12-31T15:59:59.999Z"))).toEqual({ year: 2025, quarter: 4 });
    expect(quarterOf(new Date("2025-12-31T16:00:00.000Z"))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(at("2026-11-27T10:00:00"))).toEqual({ year: 2026, quarter: 4 });
  });
  it("steps back across years and finds the last ended quarter", () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
    expect(lastEndedQuarter(at("2026-11-27T09:00:00"))).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter(at("2027-01-05T09:00:00"))).toEqual({ year: 2026, quarter: 4 });
  });
  it("opens a quarter's submission only once it has ended", () => {
    const q = { year: 2026, quarter: 3 } as const;
    expect(hasQuarterEnded(q, at("2026-09-30T23:59:59.999"))).toBe(false);
    expect(hasQuarterEnded(q, at("2026-10-01T00:00:00"))).toBe(true);
    expect(endedQuartersOfYear(2026, at("2026-11-27T09:00:00"))).toEqual([
      { year: 2026, quarter: 3 },
      { year: 2026, quarter: 2 },
      { year: 2026, quarter: 1 },
    ]);
  });
  it("writes and reads the URL form", () => {
    expect(quarterParam({ year: 2026, quarter: 3 })).toBe("2026-Q3");
    expect(parseQuarterParam("2026-Q3")).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarterParam("2026-Q5")).toBeNull();
    expect(parseQuarterParam(undefined)).toBeNull();
  });
});

describe("the submission window (working days after the quarter's last day)", () => {
  const official = getCnOfficialCalendar();

  it("skips the 2026 National Day holiday and counts the adjusted Saturday 10-10: Q3 2026 is due at the end of 15 October", () => {
    // 10-01…10-07 off; working days 10-08 (1), 10-09 (2), Sat 10-10 调休 (3), 10-12 (4), 10-13 (5), 10-14 (6), 10-15 (7).
    const due = submissionDueAt({ year: 2026, quarter: 3 }, 7, official);
    expect(due.toISOString()).toBe("2026-10-15T15:59:59.999Z");
    expect(isLateSubmission(at("2026-10-15T23:59:59"), due)).toBe(false);
    expect(isLateSubmission(at("2026-10-16T00:00:00"), due)).toBe(true);
  });
  it("counts into the next year for the fourth quarter (元旦 2026: 1–3 January off, Sunday 4 January worked)", () => {
    // 2026-01-04 (Sun, 调休) 1, 01-05 2, 01-06 3, 01-07 4, 01-08 5, 01-09 6, 01-12 7.
    expect(submissionDueAt({ year: 2025, quarter: 4 }, 7, official).toISOString()).toBe("2026-01-12T15:59:59.999Z");
  });
  it("follows the program's window length and the calendar given", () => {
    const plain = createWorkingCalendar({ holidays: [], workdays: [] });
    // 2026-06-30 is a Tuesday: Mon–Fri only, 3 working days → Friday 3 July.
    expect(submissionDueAt({ year: 2026, quarter: 2 }, 3, plain).toISOString()).toBe("2026-07-03T15:59:59.999Z");
  });
  it("is never late without a due date", () => {
    expect(isLateSubmission(at("2030-01-01T00:00:00"), null)).toBe(false);
  });
});
