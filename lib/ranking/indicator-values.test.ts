import { describe, expect, it } from "vitest";
import { fenToWanYuan, growthPercent, indicatorValues } from "./indicator-values";
import type { TLoanFiguresRow } from "@/lib/ranking/queries/query-loan-figures";
import type { TTargetFiguresRow } from "@/lib/ranking/queries/query-target-figures";

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

const filed: TLoanFiguresRow = {
  bankOrgId: "b",
  bankName: "银行",
  submittedAt: new Date("2026-10-10T02:00:00Z"),
  dueAt: new Date("2026-10-14T16:00:00Z"),
  figureCount: 2,
  balanceFen: "500000000000",
  incrementFen: "30000000000",
  borrowers: 90,
  firstLoans: 9,
  creditLoans: 30,
};
const target: TTargetFiguresRow = {
  bankOrgId: "b",
  targetAmountFen: "120000000000", // 12,000 万元 for the year
  targetBorrowers: 120,
  targetFirstLoans: 12,
  targetCreditLoans: 45,
  ytdIncrementFen: "80000000000", // 8,000 万元 from Q1 to this quarter
};

describe("target attainment indicators", () => {
  it("measure the year's new lending to date and this quarter's households against the bank's own target", () => {
    const v = indicatorValues(undefined, filed, target);
    expect(v.loanTargetAttainment).toBe(66.66);
    expect(v.borrowersTargetAttainment).toBe(75);
    expect(v.firstLoansTargetAttainment).toBe(75);
    expect(v.creditLoansTargetAttainment).toBe(66.66);
  });

  it("have no data without a target, or without this quarter's return", () => {
    const none = indicatorValues(undefined, filed);
    expect(none.loanTargetAttainment).toBeNull();
    expect(none.borrowersTargetAttainment).toBeNull();
    const notFiled = indicatorValues(undefined, { ...filed, submittedAt: null, figureCount: 0 }, target);
    expect(notFiled.loanTargetAttainment).toBeNull();
    expect(notFiled.creditLoansTargetAttainment).toBeNull();
  });
});
