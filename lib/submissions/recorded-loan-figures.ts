/**
 * The loan figures a quarterly return is pre-filled with, per park, from the loans
 * recorded in the portal (granted requests' and those recorded outside a request alike;
 * cancelled ones are not given here). The bank checks and completes them: its whole book
 * in the park may hold loans never recorded here. Pure; days are "YYYY-MM-DD".
 *
 * A loan is outstanding on day D when disbursed on or before D and not matured (maturity
 * after D, or none). For the quarter's first day S and last day E:
 * - balance: the amounts outstanding on E;
 * - increment: balance on E − balance on the day before S (may be negative);
 * - borrowers: enterprises with a loan outstanding on E;
 * - first loans: those of them with a first loan (首贷) disbursed within the quarter;
 * - credit loans: those of them with an outstanding credit loan (信用贷款);
 * - average rate: outstanding amounts' weighted mean rate on E, percent rounded half up to
 *   4 decimals (integer arithmetic), null without borrowers.
 */
import type { TFigureValues } from "./figures";
import type { TQuarterKey } from "./quarter";

export type TRecordedLoan = {
  parkId: string;
  enterpriseId: string;
  amountFen: bigint;
  /** Percent with 4 decimals, "3.4500". */
  annualRate: string;
  isFirstLoan: boolean;
  isCreditLoan: boolean;
  disbursedOn: string;
  maturesOn: string | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The quarter's first and last calendar day, and the day before it began. */
export function quarterDays(q: TQuarterKey): { first: string; last: string; before: string } {
  const m = (q.quarter - 1) * 3;
  return {
    first: day(new Date(Date.UTC(q.year, m, 1))),
    last: day(new Date(Date.UTC(q.year, m + 3, 0))),
    before: day(new Date(Date.UTC(q.year, m, 0))),
  };
}

const outstandingOn = (l: TRecordedLoan, d: string) => l.disbursedOn <= d && (l.maturesOn === null || l.maturesOn > d);
const rateUnits = (rate: string) => {
  const [whole, frac = ""] = rate.split(".");
  return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, "0").slice(0, 4));
};
const rateText = (units: bigint) => `${units / 10_000n}.${(units % 10_000n).toString().padStart(4, "0")}`;

export function recordedLoanFigures(loans: readonly TRecordedLoan[], parkIds: readonly string[], q: TQuarterKey): TFigureValues[] {
  const { first, last, before } = quarterDays(q);
  return parkIds.map((parkId) => {
    const park = loans.filter((l) => l.parkId === parkId);
    const atEnd = park.filter((l) => outstandingOn(l, last));
    const balanceEnd = atEnd.reduce((s, l) => s + l.amountFen, 0n);
    const balanceBefore = park.filter((l) => outstandingOn(l, before)).reduce((s, l) => s + l.amountFen, 0n);
    const borrowers = new Set(atEnd.map((l) => l.enterpriseId));
    const firstLoans = new Set(atEnd.filter((l) => l.isFirstLoan && l.disbursedOn >= first).map((l) => l.enterpriseId));
    const creditLoans = new Set(atEnd.filter((l) => l.isCreditLoan).map((l) => l.enterpriseId));
    const weighted = atEnd.reduce((s, l) => s + l.amountFen * rateUnits(l.annualRate), 0n);
    const averageRate = balanceEnd > 0n ? rateText((2n * weighted + balanceEnd) / (2n * balanceEnd)) : null;
    return {
      parkId,
      loanBalanceFen: balanceEnd,
      loanIncrementFen: balanceEnd - balanceBefore,
      borrowers: borrowers.size,
      firstLoans: firstLoans.size,
      creditLoans: creditLoans.size,
      averageRate,
    };
  });
}
