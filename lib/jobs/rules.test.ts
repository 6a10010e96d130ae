import { describe, expect, it } from "vitest";
import { deadlineScanDedupeKey, deadlineScanSlot, errorText, retryDelayMs } from "./rules";

describe("job queue rules", () => {
  it("backs off 30 s, 2 min, 8 min, 32 min, then at most 2 hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_920_000]);
    expect(retryDelayMs(9)).toBe(7_200_000);
    expect(retryDelayMs(0)).toBe(30_000);
  });

  it("gives every instant of a 5-minute slot the same deadline-scan key", () => {
    const a = new Date("2026-10-09T01:05:00.000Z");
    const b = new Date("2026-10-09T01:09:59.999Z");
    expect(deadlineScanSlot(b).toISOString()).toBe("2026-10-09T01:05:00.000Z");
    expect(deadlineScanDedupeKey(a)).toBe(deadlineScanDedupeKey(b));
    expect(deadlineScanDedupeKey(new Date("2026-10-09T01:10:00.000Z"))).toBe("deadline.scan:2026-10-09T01:10:00.000Z");
  });

  it("keeps the error's name and message, cut to 2,000 characters", () => {
    expect(errorText(new TypeError("bad"))).toBe("TypeError: bad");
    expect(errorText("x".repeat(5000))).toHaveLength(2000);
  });
});
