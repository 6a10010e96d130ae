import { describe, expect, it } from "vitest";
import { shanghaiQuarter } from "./quarter";

describe("shanghaiQuarter", () => {
  it("uses the Shanghai calendar day: 31 March 17:00 UTC is already 1 April, the second quarter", () => {
    const q = shanghaiQuarter(new Date("2026-03-31T17:00:00Z"));
    expect(q).toMatchObject({ year: 2026, quarter: 2 });
    expect(q.start.toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(q.end.toISOString()).toBe("2026-06-30T16:00:00.000Z");
  });
  it("ends the fourth quarter at the start of next year", () => {
    const q = shanghaiQuarter(new Date("2026-11-15T04:00:00Z"));
    expect(q).toMatchObject({ year: 2026, quarter: 4 });
    expect(q.start.toISOString()).toBe("2026-09-30T16:00:00.000Z");
    expect(q.end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});
