/**
 * The indicators a bank is ranked on each quarter. Keys are the contract between
 * the computation (queries/compute-quarter-inputs.ts), the scoring rules (rules.ts) and the
 * UI; labels and the written definitions shown to banks live in the message namespace
 * "indicators" (indicators.<key>.label / indicators.<key>.definition), so one text says
 * what is counted, over which window, and how.
 *
 * Units: rates, shares and growth are percents (80 means 80%); loanIncrement is 万元 with
 * two decimals; avgDaysToFirstAnswer is working days; onTimeSubmission is 100 or 0.
 */

export const INDICATOR_KEYS = [
  "itemsReceived",
  "replyRate",
  "onTimeReplyRate",
  "avgDaysToFirstAnswer",
  "financingSatisfactionRate",
  "enterpriseSatisfactionRate",
  "escalatedItems",
  "overdueItems",
  "loanIncrement",
  "loanGrowth",
  "borrowers",
  "firstLoanShare",
  "creditLoanShare",
  "onTimeSubmission",
  "loanTargetAttainment",
  "borrowersTargetAttainment",
  "firstLoansTargetAttainment",
  "creditLoansTargetAttainment",
  "annualLoanIncrement",
  "annualLoanGrowth",
  "borrowersChange",
  "parkVisitsDone",
  "questionnaireSatisfaction",
  "eventIntentionsSigned",
] as const;

export type TIndicatorKey = (typeof INDICATOR_KEYS)[number];

export type TIndicatorUnit = "count" | "percent" | "wanYuan" | "days";

export const INDICATORS: Record<TIndicatorKey, { unit: TIndicatorUnit; higherIsBetter: boolean }> = {
  itemsReceived: { unit: "count", higherIsBetter: true },
  replyRate: { unit: "percent", higherIsBetter: true },
  onTimeReplyRate: { unit: "percent", higherIsBetter: true },
  avgDaysToFirstAnswer: { unit: "days", higherIsBetter: false },
  financingSatisfactionRate: { unit: "percent", higherIsBetter: true },
  enterpriseSatisfactionRate: { unit: "percent", higherIsBetter: true },
  escalatedItems: { unit: "count", higherIsBetter: false },
  overdueItems: { unit: "count", higherIsBetter: false },
  loanIncrement: { unit: "wanYuan", higherIsBetter: true },
  loanGrowth: { unit: "percent", higherIsBetter: true },
  borrowers: { unit: "count", higherIsBetter: true },
  firstLoanShare: { unit: "percent", higherIsBetter: true },
  creditLoanShare: { unit: "percent", higherIsBetter: true },
  onTimeSubmission: { unit: "percent", higherIsBetter: true },
  // Percent of the bank's own annual credit target reached by the quarter's end (lib/targets).
  loanTargetAttainment: { unit: "percent", higherIsBetter: true },
  borrowersTargetAttainment: { unit: "percent", higherIsBetter: true },
  firstLoansTargetAttainment: { unit: "percent", higherIsBetter: true },
  creditLoansTargetAttainment: { unit: "percent", higherIsBetter: true },
  // The annual assessment's own figures (queries/query-annual-loan-figures.ts): the year-end
  // balance against the previous year-end, and the borrowers against the previous year-end.
  annualLoanIncrement: { unit: "wanYuan", higherIsBetter: true },
  annualLoanGrowth: { unit: "percent", higherIsBetter: true },
  borrowersChange: { unit: "count", higherIsBetter: true },
  // Percent of the bank's main-bank parks visited (confirmed) in the quarter's half-year by its end (lib/visits).
  parkVisitsDone: { unit: "percent", higherIsBetter: true },
  // Percent of the quarter's questionnaire satisfaction answers about the bank that are 4 or 5 of 5 (lib/questionnaires).
  questionnaireSatisfaction: { unit: "percent", higherIsBetter: true },
  // Intentions with an amount signed at the matching events the bank took part in that were held in the quarter (lib/events).
  eventIntentionsSigned: { unit: "count", higherIsBetter: true },
};

/** The indicators read from a bank's quarterly return (its loan figures and when it filed). */
export const RETURN_INDICATORS: ReadonlySet<TIndicatorKey> = new Set([
  "loanIncrement",
  "loanGrowth",
  "borrowers",
  "firstLoanShare",
  "creditLoanShare",
  "onTimeSubmission",
  "loanTargetAttainment",
  "borrowersTargetAttainment",
  "firstLoansTargetAttainment",
  "creditLoansTargetAttainment",
  "annualLoanIncrement",
  "annualLoanGrowth",
  "borrowersChange",
]);

/**
 * Which indicators a rule set of each period may score. A quarter's own loan figures
 * (one quarter's increment and growth) mean nothing for the year, and the year-on-year
 * figures exist only for the year; everything else is computed over the period's window
 * (the quarter's items or the year's, the quarter's return or the year-end return).
 */
export const ANNUAL_ONLY_INDICATORS: ReadonlySet<TIndicatorKey> = new Set(["annualLoanIncrement", "annualLoanGrowth", "borrowersChange"]);
export const QUARTER_ONLY_INDICATORS: ReadonlySet<TIndicatorKey> = new Set(["loanIncrement", "loanGrowth"]);

export type TAssessmentPeriod = "QUARTER" | "YEAR";

export function indicatorsOfPeriod(period: TAssessmentPeriod): TIndicatorKey[] {
  const excluded = period === "YEAR" ? QUARTER_ONLY_INDICATORS : ANNUAL_ONLY_INDICATORS;
  return INDICATOR_KEYS.filter((k) => !excluded.has(k));
}

/**
 * Why an item cost its bank points: message keys under indicators.costReasons.*.
 * notAnswered — owed an answer (deadline passed) and none given by the cut-off;
 * answeredLate — first answer after the deadline in force; notGranted — a financing need
 * answered without a loan; dissatisfied — the enterprise's latest rating; escalatedOverdue
 * — put under supervision (督办) for missing the deadline.
 */
export const COST_REASONS = ["notAnswered", "answeredLate", "notGranted", "dissatisfied", "escalatedOverdue"] as const;
