import { describe, expect, it } from "vitest";
import { fenToWanYuan, growthPercent } from "./indicator-values";

// 1 万元 = 1,000,000 fen.
const wan = (w: number) => String(BigInt(Math.round(w * 100)) * 10_000n);

describe("growthPercent: one quarter's increment over the quarter's opening balance", () => {
  it("measures the quarter against its own opening balance", () => {
    // Opening 10,000 万元, increment 500 万元, closing 10,500 万元: 500 / 10,000 = 5.00%.
    expect(growthPercent(wan(10_500), wan(500))).toBe(5);
    // Opening 10,500, increment 525: 525 / 10,500 = 5.00% (the second quarter of the same bank).
    expect(growthPercent(wan(11_025), wan(525))).toBe(5);
  });

  it("gives every quarter of a bank compounding 5% a quarter the same 5.00%", () => {
    // 10,000 → 10,500 → 11,025 → 11,576.25 → 12,155.0625 万元: 21.55% over the year, 5.00% each quarter.
    let opening = 10_000_000_000n; // 10,000 万元 in fen: every quarter's 5% is a whole number of fen
    for (let q = 1; q <= 4; q++) {
      const increment = opening / 20n;
      expect(growthPercent(String(opening + increment), String(increment))).toBe(5);
      opening += increment;
    }
    expect(Number(opening) / 10_000_000_000 - 1).toBeCloseTo(0.21550625, 8);
  });

  it("rounds to hundredths of a percent, half away from zero, negative growth included", () => {
    // 466.35 / 10,000 = 4.6635% → 4.66; 466.5 / 10,000 = 4.665% → 4.67.
    expect(growthPercent(wan(10_466.35), wan(466.35))).toBe(4.66);
    expect(growthPercent(wan(10_466.5), wan(466.5))).toBe(4.67);
    // Opening 10,000, increment −200: −2.00%.
    expect(growthPercent(wan(9_800), wan(-200))).toBe(-2);
  });

  it("has no value when the opening balance is not positive", () => {
    expect(growthPercent(wan(500), wan(500))).toBeNull(); // opening 0: a new book of loans
    expect(growthPercent(wan(100), wan(500))).toBeNull();
  });
});

describe("fenToWanYuan", () => {
  it("converts fen to 万元 with two decimals", () => {
    expect(fenToWanYuan(wan(578.81))).toBe(578.81);
    expect(fenToWanYuan("5000")).toBe(0.01); // half of 0.01 万元 rounds up
    expect(fenToWanYuan("-5000")).toBe(-0.01);
  });
});
