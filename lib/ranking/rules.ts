/**
 * Scoring rules as data: a rule turns one indicator value into points. Shapes follow the
 * assessment tables the programs use (the scoring table of 《**区有关推进社会信用环境建设创立金融生态环境示范区的实行方案》): "满意度在80%以上得3分，
 * 每下降1个百分点扣0.1分，扣完为止" is a threshold; "95%以上得4分，80%以上得3分…" are tiers;
 * "每新发生一起扣1分" is perCount; a target reached proportionally is proportional.
 *
 * Pure: no I/O. Invariants: points are rounded to 0.01, never below 0 and never above
 * maxPoints(rule); a null value (no data) scores 0. Zod messages are keys under
 * indicators.errors.* (see lib/i18n/messages/<locale>/indicators.json).
 */
import { z } from "zod";
import { INDICATOR_KEYS, type TIndicatorKey } from "./indicators";

export type TScoringRule =
  | { kind: "threshold"; points: number; target: number; step: number; deduction: number; direction: "higher" | "lower" }
  | { kind: "tiers"; tiers: { min: number; points: number }[] }
  | { kind: "perCount"; points: number; deduction: number }
  | { kind: "proportional"; points: number; best: number };

export type TRuleSetItem = { indicator: TIndicatorKey; rule: TScoringRule };

const finite = () => z.number({ message: "invalidNumber" }).refine(Number.isFinite, { message: "invalidNumber" });
const nonNegative = () => finite().min(0, { message: "invalidNumber" });
const positive = () => finite().positive({ message: "invalidNumber" });

export const ZScoringRule = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("threshold"),
      points: nonNegative(),
      target: finite(),
      step: positive(),
      deduction: nonNegative(),
      direction: z.enum(["higher", "lower"], { message: "invalidRule" }),
    }),
    z.object({
      kind: z.literal("tiers"),
      tiers: z
        .array(z.object({ min: finite(), points: nonNegative() }), { message: "invalidRule" })
        .min(1, { message: "invalidRule" })
        .refine((tiers) => new Set(tiers.map((t) => t.min)).size === tiers.length, { message: "duplicateTier" }),
    }),
    z.object({ kind: z.literal("perCount"), points: nonNegative(), deduction: nonNegative() }),
    z.object({ kind: z.literal("proportional"), points: nonNegative(), best: positive() }),
  ],
  { message: "invalidRule" },
);

export const ZRuleSetItem = z.object({
  indicator: z.enum(INDICATOR_KEYS, { message: "unknownIndicator" }),
  rule: ZScoringRule,
});

/** A rule set: each indicator at most once, maximum points adding up to exactly 100. */
export const ZRuleSet = z
  .array(ZRuleSetItem, { message: "invalidRule" })
  .min(1, { message: "pointsSum" })
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.indicator)) ctx.addIssue({ code: "custom", message: "duplicateIndicator", path: [i, "indicator"] });
      seen.add(item.indicator);
    });
    const total = items.reduce((sum, item) => sum + maxPoints(item.rule), 0);
    // Compared in hundredths so 33.33 + 33.33 + 33.34 is 100.
    if (Math.round(total * 100) !== 10_000) ctx.addIssue({ code: "custom", message: "pointsSum", path: [] });
  });

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
  }
}
