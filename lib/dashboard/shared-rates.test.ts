import { describe, expect, it } from "vitest";
import { dashboardPeriod, quarterKeyParam } from "./shared-period";
import { percentOf, ratesOf } from "./shared-rates";

describe("percentOf", () => {
  it("rounds to two decimals and is null without a denominator", () => {
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe("ratesOf", () => {
  it("divides by what is owed, answered and rated", () => {
    const r = ratesOf({ received: 10, owed: 8, answered: 6, onTime: 4, financingAnswered: 5, financingGranted: 2, rated: 0, satisfied: 0 });
    expect(r).toMatchObject({ replyRate: 75, onTimeReplyRate: 50, financingSatisfactionRate: 40, enterpriseSatisfactionRate: null });
  });
});

describe("dashboardPeriod", () => {
  it("takes the Shanghai day: 31 Dec 2026 17:00 UTC is already Q1 2027", () => {
    const p = dashboardPeriod(new Date("2026-12-31T17:00:00Z"));
    expect([p.current.year, p.current.quarter, p.lastEnded.year, p.lastEnded.quarter]).toEqual([2027, 1, 2026, 4]);
    expect(quarterKeyParam(p.lastEnded)).toBe("2026-Q4");
  });
});
