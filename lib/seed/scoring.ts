/**
 * The default bank scoring rules of the demo program, modeled on the
 * assessment indicators of 《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》, 二（四）"三个一" 监测督导考核机制
 * (贷款增量、增速、户数、咨询答复率、融资满足率), and on the rule shapes of the scoring table
 * of 《**区有关推进社会信用环境建设创立金融生态环境示范区的实行方案》 (full marks at a threshold, minus X per point
 * below, floored at zero; or tiers 95/80/70/60). Rule shapes, indicator keys and their
 * written definitions are lib/ranking's (rules.ts, indicators.ts, the "indicators"
 * messages); this set must pass ZRuleSet (points add up to 100).
 */
import type { TRuleSetItem, TScoringRule } from "@/lib/ranking/rules";

export { maxPoints } from "@/lib/ranking/rules";
export type { TScoringRule } from "@/lib/ranking/rules";
/** Kept for the seed's tests: one rule of the set. */
export type TScoringIndicator = TRuleSetItem;

/** The default growth rule: the annual +20% target as its quarterly equivalent. */
export const QUARTERLY_GROWTH_RULE: TScoringRule = {
  kind: "threshold",
  points: 15,
  target: 4.66,
  step: 0.25,
  deduction: 0.5,
  direction: "higher",
};

/**
 * The growth rule of the first default rule set, which scored one quarter's growth against
 * the annual +20%. Kept to recognise rule sets still carrying it (the migration that
 * replaces it, and its test); never offered for new rule sets.
 */
export const ANNUAL_TARGET_GROWTH_RULE: TScoringRule = {
  kind: "threshold",
  points: 15,
  target: 20,
  step: 1,
  deduction: 0.5,
  direction: "higher",
};

export function defaultScoringRules(): TRuleSetItem[] {
  return [
    // Full marks at an increment of 2 亿元 (value in 万元), proportionally less below.
    { indicator: "loanIncrement", rule: { kind: "proportional", points: 20, best: 20000 } },
    // loanGrowth is one quarter's growth over the quarter's opening balance, so the
    // programs' annual target (inclusive small-business loans +20% a year) is scored as its
    // quarterly equivalent: 1.2^(1/4) − 1 = 4.6635…% → 4.66 (values carry two decimals), so
    // a bank on the annual pace earns full marks every quarter. Minus 0.5 per 0.25 point
    // below: a quarter without growth keeps 5.5 of 15 (docs/decisions/018-quarterly-growth-target.md).
    { indicator: "loanGrowth", rule: { ...QUARTERLY_GROWTH_RULE } },
    { indicator: "borrowers", rule: { kind: "proportional", points: 15, best: 300 } },
    {
      indicator: "replyRate",
      rule: {
        kind: "tiers",
        tiers: [
          { min: 95, points: 15 },
          { min: 80, points: 11 },
          { min: 70, points: 7 },
          { min: 60, points: 4 },
        ],
      },
    },
    // Full marks at 80% of answered financing needs granted, proportionally less below. A
    // deduction of 0.5 per point below 80% floored every bank at 0 (a city's banks grant
    // 10–50% of the needs they answer), so the indicator told no bank from another.
    { indicator: "financingSatisfactionRate", rule: { kind: "proportional", points: 15, best: 80 } },
    // 限时答复 (3 to 5 working days).
    {
      indicator: "onTimeReplyRate",
      rule: {
        kind: "tiers",
        tiers: [
          { min: 95, points: 10 },
          { min: 80, points: 7 },
          { min: 70, points: 5 },
          { min: 60, points: 2 },
        ],
      },
    },
    // As in the scoring table of 《**区有关推进社会信用环境建设创立金融生态环境示范区的实行方案》: satisfaction ≥ 80% full marks, minus 0.1 per point below.
    {
      indicator: "enterpriseSatisfactionRate",
      rule: { kind: "threshold", points: 5, target: 80, step: 1, deduction: 0.1, direction: "higher" },
    },
    // Each item put under supervision for missing its deadline (逾期督办件) costs one point.
    { indicator: "escalatedItems", rule: { kind: "perCount", points: 5, deduction: 1 } },
  ];
}

/**
 * The default annual assessment rules (一年一考核) of the demo program. The program names
 * the year's indicators — "贷款增量、增速、户数、咨询答复率、融资满足率" — and puts the last
 * five on the bottom list (the "一年一考核" paragraph of the Yiyang plan); it gives no points. The weights and the
 * service indicators follow the quarterly set above, so a year and its quarters weigh the
 * same things alike; the year's own figures replace the quarter's:
 * - annualLoanIncrement: the quarterly full-marks increment (2 亿元) times four;
 * - annualLoanGrowth: the annual +20% the quarterly growth rule is derived from
 *   (docs/decisions/018-quarterly-growth-target.md), minus 0.5 per point below;
 * - borrowersChange: households gained over the previous year-end, full marks at 60 (a
 *   fifth of the quarterly full-marks stock of 300) — a demo figure, not from the seeds.
 */
export function defaultAnnualScoringRules(): TRuleSetItem[] {
  const quarterly = new Map(defaultScoringRules().map((r) => [r.indicator, r.rule]));
  const same = (indicator: TRuleSetItem["indicator"]): TRuleSetItem => ({ indicator, rule: quarterly.get(indicator)! });
  return [
    { indicator: "annualLoanIncrement", rule: { kind: "proportional", points: 20, best: 80000 } },
    { indicator: "annualLoanGrowth", rule: { ...ANNUAL_TARGET_GROWTH_RULE } },
    { indicator: "borrowersChange", rule: { kind: "proportional", points: 15, best: 60 } },
    same("replyRate"),
    same("financingSatisfactionRate"),
    same("onTimeReplyRate"),
    same("enterpriseSatisfactionRate"),
    same("escalatedItems"),
  ];
}
