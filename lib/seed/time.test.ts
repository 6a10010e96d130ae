import { describe, expect, it } from "vitest";
import {
  addMonths,
  isIsoDay,
  previousQuarter,
  quarterFirstDay,
  quarterLastDay,
  quarterOf,
  shanghaiDay,
  shanghaiInstant,
  shanghaiToday,
} from "./time";

describe("seed time helpers", () => {
  it("maps Shanghai wall time to UTC and back", () => {
    expect(new Date(shanghaiInstant("2026-03-05", 9, 30)).toISOString()).toBe("2026-03-05T01:30:00.000Z");
    expect(shanghaiDay(Date.parse("2026-03-04T16:00:00Z"))).toBe("2026-03-05");
    expect(shanghaiDay(Date.parse("2026-03-04T15:59:59Z"))).toBe("2026-03-04");
    expect(shanghaiToday(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
  });

  it("validates ISO days", () => {
    expect(isIsoDay("2026-02-28")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-2-1")).toBe(false);
  });

  it("computes quarters across the year boundary", () => {
    expect(quarterOf("2026-05-20")).toEqual({ year: 2026, quarter: 2 });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(quarterFirstDay({ year: 2026, quarter: 3 })).toBe("2026-07-01");
    expect(quarterLastDay({ year: 2026, quarter: 1 })).toBe("2026-03-31");
    expect(quarterLastDay({ year: 2025, quarter: 4 })).toBe("2025-12-31");
  });

  it("adds months clamped to the month end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-05-10", 36)).toBe("2029-05-10");
  });
});
