import { describe, expect, it } from "vitest";
import { SIGN_IN_THROTTLE, addressKey, minutesUntil, windowEnd, windowStart } from "./sign-in-throttle";

describe("sign-in throttle rules", () => {
  it("puts every instant of a window in the same fixed window, aligned on the clock", () => {
    const start = new Date("2026-03-02T09:15:00.000Z");
    expect(windowStart(new Date("2026-03-02T09:15:00.000Z"), 15)).toEqual(start);
    expect(windowStart(new Date("2026-03-02T09:29:59.999Z"), 15)).toEqual(start);
    expect(windowStart(new Date("2026-03-02T09:30:00.000Z"), 15)).toEqual(new Date("2026-03-02T09:30:00.000Z"));
    expect(windowEnd(start, 15)).toEqual(new Date("2026-03-02T09:30:00.000Z"));
  });

  it("tells the wait in whole minutes, at least one", () => {
    const now = new Date("2026-03-02T09:20:00.000Z");
    expect(minutesUntil(new Date("2026-03-02T09:30:00.000Z"), now)).toBe(10);
    expect(minutesUntil(new Date("2026-03-02T09:20:01.000Z"), now)).toBe(1);
    expect(minutesUntil(now, now)).toBe(1);
  });

  it("counts requests of unknown address together", () => {
    expect(addressKey(null)).toBe("unknown");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });

  it("keeps the portal-wide limit above what one address may do", () => {
    expect(SIGN_IN_THROTTLE.global.limit).toBeGreaterThan(SIGN_IN_THROTTLE.perAddress.limit);
  });
});
