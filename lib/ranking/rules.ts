/**
 * Scoring rules as data: a rule turns one indicator value into points. Shapes follow the
 * assessment tables the programs use (the scoring table of 《**区有关推进社会信用环境建设创立金融生态环境示范区的实行方案》): "满意度在80%以上得3分，
 * 每下降1个百分点扣0.1分，扣完为止" is a threshold; "95%以上得4分，80%以上得3分…" are tiers;
 * "每新发生一起扣1分" is perCount; a target reached proportionally is proportional; "完成
 * 年度目标得满分，完成率低于下限不得分，其间按完成率计分" is attainment, whose value is the
 * percent of the bank's own target reached (each bank against its own target, not one
 * figure for all).
 *
 * Pure: no I/O. Invariants: points are rounded to 0.01, never below 0 and never above
 * maxPoints(rule); a null value (no data) scores 0. The schema of a rule set
 * (ZRuleSet) is in schemas.ts.
 */
import type { TIndicatorKey } from "./indicators";

export type TScoringRule =
  | { kind: "threshold"; points: number; target: number; step: number; deduction: number; direction: "higher" | "lower" }
  | { kind: "tiers"; tiers: { min: number; points: number }[] }
  | { kind: "perCount"; points: number; deduction: number }
  | { kind: "proportional"; points: number; best: number }
  | { kind: "attainment"; points: number; floor: number };

export type TRuleSetItem = { indicator: TIndicatorKey; rule: TScoringRule };

/** The most points a rule can give. */
export function maxPoints(rule: TScoringRule): number {
  if (rule.kind === "tiers") return Math.max(0, ...rule.tiers.map((t) => t.points));
  return rule.points;
}

// Differences such as 80 − 79.9 are not exact in binary floating point; a shortfall
// within this of a whole number of steps counts as that number, not one more.
const EPSILON = 1e-9;

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/** Points for one value: rounded to 0.01, between 0 and maxPoints(rule); null scores 0. */
export function scoreIndicator(rule: TScoringRule, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const raw = rawPoints(rule, value);
  return round2(Math.min(maxPoints(rule), Math.max(0, raw)));
}

function rawPoints(rule: TScoringRule, value: number): number {
  switch (rule.kind) {
    case "threshold": {
      const shortfall = rule.direction === "higher" ? rule.target - value : value - rule.target;
      if (shortfall <= 0) return rule.points;
      // Every whole or partial step short costs a full deduction (79.5 against 80 is one step).
      const steps = Math.ceil(shortfall / rule.step - EPSILON);
      return rule.points - steps * rule.deduction;
    }
    case "tiers": {
      let best: number | null = null;
      let points = 0;
      for (const tier of rule.tiers) {
        if (value >= tier.min && (best === null || tier.min > best)) {
          best = tier.min;
          points = tier.points;
        }
      }
      return points;
    }
    case "perCount":
      return rule.points - rule.deduction * value;
    case "proportional":
      return rule.points * Math.min(value / rule.best, 1);
    case "attainment": {
      // Full marks from 100% of the target; nothing at or below the floor; in between,
      // the share of the way from the floor to the target.
      if (value >= 100) return rule.points;
      if (value <= rule.floor) return 0;
      return (rule.points * (value - rule.floor)) / (100 - rule.floor);
    }
  }
}
