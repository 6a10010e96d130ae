/**
 * A bank's annual assessment values (pure): the year's item statistics, the year-end
 * return, the year-on-year figures and the annual target. Every indicator that the
 * quarterly ranking also has is computed the same way (indicatorValues) over the year's
 * window — the year's items, the fourth-quarter return, the target attainment with the
 * year's four increments — then the year's own figures replace the quarter's:
 *
 * - annualLoanIncrement: year-end balance − previous year-end balance (万元); the previous
 *   year-end is the previous year's fourth-quarter return, or, when there is none (a
 *   program's first year), this year's first-quarter opening balance;
 * - annualLoanGrowth: that increment over the previous year-end balance, in percent;
 * - borrowersChange: year-end borrowers − previous year-end borrowers (no fallback: a
 *   first-quarter return does not state the opening households);
 * - onTimeSubmission: the share of the year's four returns filed on time (25 each);
 * - loanIncrement / loanGrowth (one quarter's figures) are null: not the year's.
 */
import type { TIndicatorKey } from "./indicators";
import { fenToWanYuan, growthPercent, indicatorValues } from "./indicator-values";
import type { TAnnualLoanFiguresRow } from "@/lib/ranking/queries/query-annual-loan-figures";
import type { TItemStatsRow } from "@/lib/ranking/queries/query-item-stats";
import type { TTargetFiguresRow } from "@/lib/ranking/queries/query-target-figures";

/** The previous year-end balance the year is measured from, and where it came from. */
export function yearOpening(loans: TAnnualLoanFiguresRow): { fen: string; source: "previousYear" | "firstQuarter" } | null {
  if (loans.previousYearEndBalanceFen !== null) return { fen: loans.previousYearEndBalanceFen, source: "previousYear" };
  if (loans.firstQuarterOpeningFen !== null) return { fen: loans.firstQuarterOpeningFen, source: "firstQuarter" };
  return null;
}

export function annualIndicatorValues(
  items: TItemStatsRow | undefined,
  loans: TAnnualLoanFiguresRow,
  /** When each quarter's return was due (the row's own deadline, else the program's default). */
  dueOf: (quarter: number, dueAt: Date | null) => Date,
  target?: TTargetFiguresRow,
): Record<TIndicatorKey, number | null> {
  const base = indicatorValues(items, loans, target);
  const hasYearEnd = loans.submittedAt !== null && loans.figureCount > 0 && loans.balanceFen !== null;
  const opening = yearOpening(loans);
  const incrementFen = hasYearEnd && opening ? (BigInt(loans.balanceFen!) - BigInt(opening.fen)).toString() : null;
  const onTime = loans.returns.filter((r) => {
    const due = dueOf(r.quarter, r.dueAt ? new Date(r.dueAt) : null);
    return new Date(r.submittedAt).getTime() <= due.getTime();
  }).length;
  return {
    ...base,
    loanIncrement: null,
    loanGrowth: null,
    onTimeSubmission: onTime * 25,
    annualLoanIncrement: incrementFen !== null ? fenToWanYuan(incrementFen) : null,
    annualLoanGrowth: incrementFen !== null ? growthPercent(loans.balanceFen!, incrementFen) : null,
    borrowersChange: hasYearEnd && loans.previousYearEndBorrowers !== null ? (loans.borrowers ?? 0) - loans.previousYearEndBorrowers : null,
  };
}
