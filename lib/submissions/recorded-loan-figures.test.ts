import { describe, expect, it } from "vitest";
import { quarterDays, recordedLoanFigures, type TRecordedLoan } from "./recorded-loan-figures";

const WAN = 1_000_000n; // fen per 万元
const loan = (over: Partial<TRecordedLoan>): TRecordedLoan => ({
  parkId: "p",
  enterpriseId: "a",
  amountFen: 100n * WAN,
  annualRate: "3.0000",
  isFirstLoan: false,
  isCreditLoan: false,
  disbursedOn: "2026-07-01",
  maturesOn: "2027-07-01",
  ...over,
});

describe("quarterDays", () => {
  it("gives the first and last day and the day before", () => {
    expect(quarterDays({ year: 2026, quarter: 1 })).toEqual({ first: "2026-01-01", last: "2026-03-31", before: "2025-12-31" });
    expect(quarterDays({ year: 2026, quarter: 3 })).toEqual({ first: "2026-07-01", last: "2026-09-30", before: "2026-06-30" });
  });
});

describe("recordedLoanFigures", () => {
  it("computes balance, increment, borrowers, first and credit loans and the weighted rate (hand-worked)", () => {
    const loans = [
      // A: 500 万 at 3.45 %, disbursed in the quarter, outstanding at its end.
      loan({ enterpriseId: "a", amountFen: 500n * WAN, annualRate: "3.4500", disbursedOn: "2026-08-05", maturesOn: "2027-08-05" }),
      // B: 200 万 at 4.35 %, a first credit loan in the quarter.
      loan({
        enterpriseId: "b",
        amountFen: 200n * WAN,
        annualRate: "4.3500",
        isFirstLoan: true,
        isCreditLoan: true,
        disbursedOn: "2026-09-01",
      }),
      // A: 100 万 from before the quarter, matured 20 September: in the opening balance only.
      loan({ enterpriseId: "a", amountFen: 100n * WAN, disbursedOn: "2026-03-20", maturesOn: "2026-09-20" }),
      // Maturing on the quarter's last day: not outstanding on it.
      loan({ enterpriseId: "c", amountFen: 70n * WAN, disbursedOn: "2026-07-02", maturesOn: "2026-09-30" }),
      // A first loan from an earlier quarter does not count as this quarter's.
      loan({ enterpriseId: "d", amountFen: 0n, isFirstLoan: true, disbursedOn: "2026-01-05", maturesOn: null, parkId: "other" }),
    ];
    const [p, other] = recordedLoanFigures(loans, ["p", "other"], { year: 2026, quarter: 3 });
    // End: 500 + 200 = 700 万; before: 100 万; rate (500×3.45 + 200×4.35) / 700 = 3.70714… → 3.7071.
    expect(p).toEqual({
      parkId: "p",
      loanBalanceFen: 700n * WAN,
      loanIncrementFen: 600n * WAN,
      borrowers: 2,
      firstLoans: 1,
      creditLoans: 1,
      averageRate: "3.7071",
    });
    expect(other).toMatchObject({ borrowers: 1, firstLoans: 0, averageRate: null });
  });

  it("gives zeros and no rate for a park without loans, and rounds the rate half up", () => {
    expect(recordedLoanFigures([], ["p"], { year: 2026, quarter: 4 })).toEqual([
      { parkId: "p", loanBalanceFen: 0n, loanIncrementFen: 0n, borrowers: 0, firstLoans: 0, creditLoans: 0, averageRate: null },
    ]);
    // (1 × 3.0001 + 1 × 3.0000) / 2 = 3.00005 → 3.0001.
    const [half] = recordedLoanFigures(
      [loan({ annualRate: "3.0001", amountFen: 1n }), loan({ enterpriseId: "b", annualRate: "3.0000", amountFen: 1n })],
      ["p"],
      { year: 2026, quarter: 3 },
    );
    expect(half!.averageRate).toBe("3.0001");
  });
});
