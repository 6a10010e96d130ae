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
  it("writes a moment in the language's date style with the Shanghai time, never the machine notation", () => {
    const endOfDay = new Date("2026-12-08T15:59:59.999Z"); // a deadline: 23:59:59 in Shanghai
    expect(formatDateTime(lateUtc)).toBe("2026年5月1日 00:30");
    expect(formatDateTime(lateUtc, "en")).toBe("2026-05-01 00:30");
    expect(formatDateTime(endOfDay, "zh-CN")).toBe("2026年12月8日 23:59");
    expect(formatDateTime(endOfDay, "en")).toBe("2026-12-08 23:59");
    for (const locale of ["zh-CN", "en"] as const) {
      expect(formatDateTime(endOfDay, locale)).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    }
  });
});
