/**
 * Reply, on-time and satisfaction rates of a quarter's items, with the ranking's own
 * definitions (lib/ranking/queries/query-item-stats.ts, the "indicators" messages):
 * the items forwarded in the quarter (by the cut-off), owed an answer when answered or
 * past their deadline (an item withdrawn unanswered before its deadline is owed nothing),
 * on time by the first ANSWER's recorded onTime (else its time vs dueAt), satisfaction by
 * the latest answer / rating. Read from the quarter read models (a few rows per bank);
 * `bankOrgIds` null means every bank (city-wide), otherwise only items assigned to those
 * organizations.
 */
import type { TRateCounts } from "@/lib/read-models/queries/read-quarter-rate-counts";

export type { TRateCounts };

export type TQuarterRates = TRateCounts & {
  /** Percent with two decimals; null when nothing is owed / rated (shown as "—"). */
  replyRate: number | null;
  onTimeReplyRate: number | null;
  financingSatisfactionRate: number | null;
  enterpriseSatisfactionRate: number | null;
};

/** Percent rounded to two decimals, as lib/ranking/indicator-values.ts rounds it. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round(((part / whole) * 100 + Number.EPSILON) * 100) / 100 : null;
}

export function ratesOf(c: TRateCounts): TQuarterRates {
  return {
    ...c,
    replyRate: percentOf(c.answered, c.owed),
    onTimeReplyRate: percentOf(c.onTime, c.owed),
    financingSatisfactionRate: percentOf(c.financingGranted, c.financingAnswered),
    enterpriseSatisfactionRate: percentOf(c.satisfied, c.rated),
  };
}

export const ZERO_RATE_COUNTS: TRateCounts = {
  received: 0,
  owed: 0,
  answered: 0,
  onTime: 0,
  financingAnswered: 0,
  financingGranted: 0,
  rated: 0,
  satisfied: 0,
};
