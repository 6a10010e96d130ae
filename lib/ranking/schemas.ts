import { z } from "zod";
import { zPlainText, zQuarter, zYear } from "@/lib/validation/fields";
import { INDICATOR_KEYS } from "./indicators";
import { maxPoints } from "./rules";

// Inputs of the ranking and scoring actions, shared by the forms and the actions. Rules
// travel as one JSON field (the editor builds the list); the lib functions validate
// them again with ZRuleSet, since jobs and tests call them directly.

// A stored or submitted rule set. Its messages are keys under indicators.errors.* (see
// lib/i18n/messages/<locale>/indicators.json).
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
    // floor: the percent of the target at or below which the rule gives nothing (below 100).
    z.object({ kind: z.literal("attainment"), points: nonNegative(), floor: nonNegative().max(99.99, { message: "invalidNumber" }) }),
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

const ZUuid = z.uuid({ message: "invalid" });

// A JSON text that must parse; what it must parse into is the caller's pipe.
const ZJsonText = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
});

export const ZRulesField = z.union([ZJsonText, z.array(z.unknown())], { message: "invalid" }).pipe(ZRuleSet);

export const ZQuarterInput = z.object({
  programId: ZUuid,
  year: zYear,
  quarter: zQuarter,
});
export type TQuarterInput = z.infer<typeof ZQuarterInput>;

export const ZRankingIdInput = z.object({ rankingId: ZUuid });

/** The annual assessment of one program year. */
export const ZYearInput = ZQuarterInput.pick({ programId: true, year: true });

/** Which assessment a rule set scores: the quarterly ranking (default) or the annual assessment. */
export const ZRulePeriod = z.enum(["QUARTER", "YEAR"], { message: "invalid" });

export const ZSaveRuleSetInput = z.object({
  programId: ZUuid,
  name: zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  /** The version the editor started from; another save in between → "conflict". */
  basedOnVersion: z.coerce.number().int().min(0).optional(),
  period: ZRulePeriod.optional(),
  rules: ZRulesField,
});
export type TSaveRuleSetInput = z.input<typeof ZSaveRuleSetInput>;

export const ZPreviewRankingInput = ZQuarterInput.extend({ rules: ZRulesField });
