/**
 * The quarter's ranking from its inputs and a rule set. Pure, so the
 * finance office's preview under changed weights and the published snapshot run the
 * same code on the same inputs.
 *
 * Order: total score (higher first); ties broken by the on-time reply rate (higher first,
 * no data last), then by the earlier quarterly submission (none last), then by bank name
 * (zh-CN collation) so the order is total and repeatable. Ranks are 1..n, never shared.
 * The bottom list (末位) is the last `bottomListSize` ranks.
 *
 * With `unrankWithoutReturn`, a bank with no quarterly return (submittedAt null) is not
 * ranked against the banks that filed (docs/decisions/017-missing-quarterly-return.md):
 * it comes after all of them, flagged `missingReturn`, and is never on the bottom list,
 * so missing loan figures never read as a score of zero.
 */
import type { TIndicatorKey } from "./indicators";
import type { TCostItem, TQuarterInputs } from "./queries/compute-quarter-inputs";
import { maxPoints, scoreIndicator, type TRuleSetItem, type TScoringRule } from "./rules";

export type TRankingBreakdownRow = {
  indicator: TIndicatorKey;
  value: number | null;
  rule: TScoringRule;
  points: number;
  maxPoints: number;
  /** Items that cost points under this indicator: empty when it earned full points. */
  costItems: TCostItem[];
};

export type TRankingEntryResult = {
  bankOrgId: string;
  bankName: string;
  totalScore: number;
  rank: number;
  bottomList: boolean;
  /** No quarterly return: listed after the ranked banks, never on the bottom list. */
  missingReturn: boolean;
  breakdown: TRankingBreakdownRow[];
};

export type TRankingOptions = { bottomListSize: number; unrankWithoutReturn?: boolean };

export type TRankingResult = { entries: TRankingEntryResult[] };

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const nameOrder = new Intl.Collator("zh-CN");

export function computeRanking(inputs: Pick<TQuarterInputs, "banks">, rules: TRuleSetItem[], options: TRankingOptions): TRankingResult {
  const scored = inputs.banks.map((bank) => {
    const breakdown = rules.map(({ indicator, rule }): TRankingBreakdownRow => {
      const value = bank.values[indicator] ?? null;
      const points = scoreIndicator(rule, value);
      const max = maxPoints(rule);
      return { indicator, value, rule, points, maxPoints: max, costItems: points < max ? (bank.costItems[indicator] ?? []) : [] };
    });
    // Summed in hundredths: each indicator's points are already rounded to 0.01.
    const totalScore = round2(breakdown.reduce((sum, row) => sum + Math.round(row.points * 100), 0) / 100);
    return { bank, totalScore, breakdown };
  });

  scored.sort((a, b) => {
    if (a.totalScore !== b.totalScore) return b.totalScore - a.totalScore;
    const onTimeA = a.bank.values.onTimeReplyRate ?? null;
    const onTimeB = b.bank.values.onTimeReplyRate ?? null;
    if (onTimeA !== onTimeB) {
      if (onTimeA === null) return 1;
      if (onTimeB === null) return -1;
      return onTimeB - onTimeA;
    }
    const subA = a.bank.submittedAt?.getTime() ?? null;
    const subB = b.bank.submittedAt?.getTime() ?? null;
    if (subA !== subB) {
      if (subA === null) return 1;
      if (subB === null) return -1;
      return subA - subB;
    }
    return nameOrder.compare(a.bank.bankName, b.bank.bankName) || (a.bank.bankOrgId < b.bank.bankOrgId ? -1 : 1);
  });

  const missing = (s: (typeof scored)[number]) => options.unrankWithoutReturn === true && s.bank.submittedAt === null;
  const ranked = scored.filter((s) => !missing(s));
  const n = ranked.length;
  const bottomFrom = n - Math.max(0, Math.min(options.bottomListSize, n));
  return {
    entries: [...ranked, ...scored.filter(missing)].map((s, i) => ({
      bankOrgId: s.bank.bankOrgId,
      bankName: s.bank.bankName,
      totalScore: s.totalScore,
      rank: i + 1,
      bottomList: i < n && i >= bottomFrom,
      missingReturn: i >= n,
      breakdown: s.breakdown,
    })),
  };
}
