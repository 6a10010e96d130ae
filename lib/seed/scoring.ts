/**
 * The default bank scoring rules of the demo program (ScoringRuleSet v1), modeled on the
 * Yiyang assessment indicators (贷款增量、增速、户数、咨询答复率、融资满足率, seeds/001 L391)
 * and on the rule shapes of seeds/003 (full marks at a threshold, minus X per point
 * below, floored at zero; or tiers 95/80/70/60). Shapes follow issue 6 (direction "higher" | "lower", proportional `best` a number).
 * Rates and growth are in percent (80 means 80%), matching how the documents state them. Points add up to 100.
 */

export type TScoringRule =
  | { kind: "threshold"; points: number; target: number; step: number; deduction: number; direction: "higher" | "lower" }
  | { kind: "tiers"; tiers: Array<{ min: number; points: number }> }
  | { kind: "perCount"; points: number; deduction: number }
  | { kind: "proportional"; points: number; best: number };

export interface TScoringIndicator {
  indicator: string;
  label: string;
  rule: TScoringRule;
}

export function defaultScoringRules(): TScoringIndicator[] {
  return [
    // Full marks at an increment of 2 亿元 (value in 万元), proportionally less below.
    { indicator: "loanIncrement", label: "结对园区小微企业贷款增量（万元）", rule: { kind: "proportional", points: 20, best: 20000 } },
    // Inclusive small-business loans +20% a year (seeds/000 L7): minus 0.5 per point below.
    { indicator: "loanGrowth", label: "结对园区小微企业贷款增速", rule: { kind: "threshold", points: 15, target: 20, step: 1, deduction: 0.5, direction: "higher" } },
    { indicator: "borrowers", label: "结对园区有贷款余额户数", rule: { kind: "proportional", points: 15, best: 300 } },
    {
      indicator: "replyRate",
      label: "咨询答复率",
      rule: { kind: "tiers", tiers: [{ min: 95, points: 15 }, { min: 80, points: 11 }, { min: 70, points: 7 }, { min: 60, points: 4 }] },
    },
    { indicator: "financingSatisfactionRate", label: "融资满足率", rule: { kind: "threshold", points: 15, target: 80, step: 1, deduction: 0.5, direction: "higher" } },
    {
      indicator: "onTimeReplyRate",
      label: "限时答复率（3至5个工作日内）",
      rule: { kind: "tiers", tiers: [{ min: 95, points: 10 }, { min: 80, points: 7 }, { min: 70, points: 5 }, { min: 60, points: 2 }] },
    },
    // seeds/003: satisfaction ≥ 80% full marks, minus 0.1 per point below.
    { indicator: "enterpriseSatisfactionRate", label: "企业满意率", rule: { kind: "threshold", points: 5, target: 80, step: 1, deduction: 0.1, direction: "higher" } },
    // Each item escalated for being overdue (督办件) costs one point.
    { indicator: "overdueEscalations", label: "逾期督办件数", rule: { kind: "perCount", points: 5, deduction: 1 } },
  ];
}

/** The most points a rule can give. */
export function maxPoints(rule: TScoringRule): number {
  if (rule.kind === "tiers") return Math.max(0, ...rule.tiers.map((t) => t.points));
  return rule.points;
}
