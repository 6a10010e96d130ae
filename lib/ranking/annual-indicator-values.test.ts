import { describe, expect, it } from "vitest";
import { annualIndicatorValues, yearOpening } from "./annual-indicator-values";
import type { TAnnualLoanFiguresRow } from "./queries/query-annual-loan-figures";

const wan = (n: number) => (BigInt(n) * 1_000_000n).toString();
const due = (quarter: number, dueAt: Date | null) => dueAt ?? new Date(Date.UTC(2026, quarter * 3, 15));

const row = (over: Partial<TAnnualLoanFiguresRow> = {}): TAnnualLoanFiguresRow => ({
  bankOrgId: "b",
  bankName: "B",
  submittedAt: new Date("2027-01-10T00:00:00Z"),
  dueAt: null,
  figureCount: 1,
  balanceFen: wan(11_000),
  incrementFen: wan(300),
  borrowers: 130,
  firstLoans: 13,
  creditLoans: 26,
  previousYearEndBalanceFen: wan(10_000),
  previousYearEndBorrowers: 100,
  firstQuarterOpeningFen: wan(9_000),
  returns: [1, 2, 3, 4].map((quarter) => ({ quarter, submittedAt: new Date(Date.UTC(2026, quarter * 3, 10)).toISOString(), dueAt: null })),
  ...over,
});

describe("annual indicator values", () => {
  it("measures the year-end against the previous year-end", () => {
    const v = annualIndicatorValues(undefined, row(), due);
    // (11,000 − 10,000) = 1,000 万元; 1,000 ÷ 10,000 = 10%; 130 − 100 = 30 households.
    expect([v.annualLoanIncrement, v.annualLoanGrowth, v.borrowersChange]).toEqual([1000, 10, 30]);
    // The quarter's own figures are not the year's; shares come from the year-end return.
    expect([v.loanIncrement, v.loanGrowth, v.firstLoanShare, v.creditLoanShare]).toEqual([null, null, 10, 20]);
    expect(v.onTimeSubmission).toBe(100);
  });

  it("falls back to this year's first-quarter opening without last year's return; no borrowers change then", () => {
    const r = row({ previousYearEndBalanceFen: null, previousYearEndBorrowers: null });
    expect(yearOpening(r)).toEqual({ fen: wan(9_000), source: "firstQuarter" });
    const v = annualIndicatorValues(undefined, r, due);
    // 11,000 − 9,000 = 2,000 万元; 2,000 ÷ 9,000 = 22.22%.
    expect([v.annualLoanIncrement, v.annualLoanGrowth, v.borrowersChange]).toEqual([2000, 22.22, null]);
  });

  it("counts 25 per return filed on time, and has no year figures without the year-end return", () => {
    const late = row({
      returns: [
        { quarter: 1, submittedAt: "2026-04-20T00:00:00Z", dueAt: null },
        { quarter: 3, submittedAt: "2026-10-10T00:00:00Z", dueAt: null },
      ],
    });
    expect(annualIndicatorValues(undefined, late, due).onTimeSubmission).toBe(25);
    const none = annualIndicatorValues(undefined, row({ submittedAt: null, figureCount: 0, balanceFen: null, borrowers: null }), due);
    expect([none.annualLoanIncrement, none.annualLoanGrowth, none.borrowersChange]).toEqual([null, null, null]);
  });
});
