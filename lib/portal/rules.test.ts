import { describe, expect, it } from "vitest";
import { headlineAmount, ratePercent, shanghaiYear, yearWindow } from "./rules";

describe("shanghaiYear and yearWindow", () => {
  it("takes the year in Shanghai, not in UTC", () => {
    expect(shanghaiYear(new Date("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(shanghaiYear(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });

  it("spans Shanghai midnight to Shanghai midnight", () => {
    const { start, end } = yearWindow(2026);
    expect(start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});

describe("ratePercent", () => {
  it("gives one decimal, rounded half up", () => {
    expect(ratePercent(1, 3)).toBe("33.3");
    expect(ratePercent(2, 3)).toBe("66.7");
    expect(ratePercent(1, 8)).toBe("12.5");
    expect(ratePercent(1, 16)).toBe("6.3"); // 6.25 → 6.3
    expect(ratePercent(7, 7)).toBe("100.0");
    expect(ratePercent(0, 9)).toBe("0.0");
  });

  it("is null when nothing was counted or the counts make no sense", () => {
    expect(ratePercent(0, 0)).toBeNull();
    expect(ratePercent(1, -2)).toBeNull();
    expect(ratePercent(-1, 2)).toBeNull();
    expect(ratePercent(0.5, 2)).toBeNull();
  });
});

describe("headlineAmount", () => {
  it("shows 万元 below one 亿元", () => {
    expect(headlineAmount(0n)).toEqual({ value: "0.00", unit: "wan" });
    expect(headlineAmount(1_234_567_890n)).toEqual({ value: "1,234.57", unit: "wan" });
    expect(headlineAmount("4995000")).toEqual({ value: "5.00", unit: "wan" });
    expect(headlineAmount("4994999")).toEqual({ value: "4.99", unit: "wan" });
    expect(headlineAmount(9_999_999_999n)).toEqual({ value: "10,000.00", unit: "wan" });
  });

  it("shows 亿元 from one 亿元 up, rounded half up without floats", () => {
    expect(headlineAmount(10_000_000_000n)).toEqual({ value: "1.00", unit: "yi" });
    expect(headlineAmount(123_450_000_000n)).toEqual({ value: "12.35", unit: "yi" });
    expect(headlineAmount(123_449_999_999n)).toEqual({ value: "12.34", unit: "yi" });
    expect(headlineAmount("12345678901234567890")).toEqual({ value: "1,234,567,890.12", unit: "yi" });
  });

  it("keeps the sign", () => {
    expect(headlineAmount(-25_000_000n)).toEqual({ value: "-25.00", unit: "wan" });
  });
});
