import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatWanYuan } from "./format";

describe("formatWanYuan", () => {
  it("turns fen into 万元 with two decimals, without floats", () => {
    expect(formatWanYuan(1_000_000n)).toBe("1.00");
    expect(formatWanYuan("123456789")).toBe("123.46");
    expect(formatWanYuan(12_345_670_000_000n)).toBe("12,345,670.00");
    expect(formatWanYuan(4_999n)).toBe("0.00");
    expect(formatWanYuan(5_000n)).toBe("0.01");
    expect(formatWanYuan(-2_500_000n)).toBe("-2.50");
    // Beyond Number's safe integers still exact.
    expect(formatWanYuan(9_007_199_254_740_993_000n)).toBe("9,007,199,254,740.99");
  });
});

describe("dates in Asia/Shanghai", () => {
  const lateUtc = new Date("2026-04-30T16:30:00Z"); // already 1 May in Shanghai
  it("formats the Shanghai calendar day", () => {
    expect(formatDate(lateUtc)).toBe("2026年5月1日");
    expect(formatDate(lateUtc, "en")).toBe("2026-05-01");
  });
  it("formats date and time with seconds", () => {
    expect(formatDateTime(lateUtc)).toBe("2026-05-01 00:30:00");
  });
});
