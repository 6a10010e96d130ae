// Half-year and annual aggregates of published quarterly rankings (pure).
//
// Definition: for each half-year (Q1–Q2, Q3–Q4) and each year that has at least one
// published quarter, a bank's aggregate score is the AVERAGE of its total scores in the
// published quarters of that period in which it was ranked (rounded to 0.01) — a quarter
// in which it was listed apart for having no quarterly return does not count, since its
// total lacks the loan points it had no figures for; the number
// of quarters it counts is shown beside it. The order is by that average (higher
// first), then by more quarters counted, then by bank name; ranks are 1..n with no
// shared ranks, like the quarterly ranking. A period is "complete" once every one of its
// quarters is published: until then it is a running aggregate.

/** null: no entry that quarter. missingReturn: listed apart without a quarterly return, not ranked. */
export type THistoryPoint = { score: number; rank: number; missingReturn?: boolean } | null;

export type TRankingHistory = {
  quarters: Array<{ rankingId: string; year: number; quarter: number }>;
  banks: Array<{ bankOrgId: string; bankName: string; points: THistoryPoint[] }>;
};

export type TPeriodKind = "half" | "year";

export type TAggregate = {
  kind: TPeriodKind;
  year: number;
  /** 1 or 2 for a half-year; null for a year. */
  half: 1 | 2 | null;
  quartersPublished: number;
  complete: boolean;
  rows: Array<{ bankOrgId: string; bankName: string; averageScore: number; quartersCounted: number; rank: number }>;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function aggregate(history: TRankingHistory, kind: TPeriodKind, year: number, half: 1 | 2 | null): TAggregate | null {
  const inPeriod = (q: number) => half === null || (half === 1 ? q <= 2 : q >= 3);
  const indexes = history.quarters.flatMap((q, i) => (q.year === year && inPeriod(q.quarter) ? [i] : []));
  if (indexes.length === 0) return null;
  const rows = history.banks
    .map((bank) => {
      const scores = indexes
        .map((i) => bank.points[i])
        .filter((p): p is NonNullable<THistoryPoint> => p != null && p.missingReturn !== true)
        .map((p) => p.score);
      if (scores.length === 0) return null;
      return {
        bankOrgId: bank.bankOrgId,
        bankName: bank.bankName,
        averageScore: round2(scores.reduce((a, b) => a + b, 0) / scores.length),
        quartersCounted: scores.length,
      };
    })
    .filter((r): r is NonNullable<typeof r> => r !== null)
    .sort(
      (a, b) => b.averageScore - a.averageScore || b.quartersCounted - a.quartersCounted || a.bankName.localeCompare(b.bankName, "zh-CN"),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
  return { kind, year, half, quartersPublished: indexes.length, complete: indexes.length === (half === null ? 4 : 2), rows };
}

/** Half-years then the year, for every year in the history (oldest first). */
export function periodAggregates(history: TRankingHistory): TAggregate[] {
  const years = [...new Set(history.quarters.map((q) => q.year))].sort((a, b) => a - b);
  return years.flatMap((year) =>
    [aggregate(history, "half", year, 1), aggregate(history, "half", year, 2), aggregate(history, "year", year, null)].filter(
      (a): a is TAggregate => a !== null,
    ),
  );
}
