import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { EVALUATION_OFFICES, GRADE_KEYS, type TEvaluationRules } from "./rules";

// Inputs of the half-year evaluation's actions, shared by the forms and the actions; the
// mutations validate stored rules again with ZEvaluationRules.

const ZUuid = z.uuid({ message: "invalid" });
const percent = () => z.number({ message: "invalidNumber" }).min(0, { message: "invalidNumber" }).max(100, { message: "invalidNumber" });
const sumsTo100 = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) === 10_000;

/** Rules an evaluation runs under: weights adding up to 100, four ordered grades, each office's criteria adding up to 100. */
export const ZEvaluationRules = z
  .object({
    weights: z.object({ quantitative: percent(), pbc: percent(), finance: percent() }),
    grades: z
      .array(z.object({ grade: z.enum(GRADE_KEYS, { message: "invalidRule" }), min: percent() }))
      .length(GRADE_KEYS.length, { message: "gradesInvalid" }),
    rectifyBelow: percent(),
    criteria: z
      .array(
        z.object({
          key: z.string().trim().min(1, { message: "required" }).max(40, { message: "tooLong" }),
          office: z.enum(EVALUATION_OFFICES, { message: "invalidRule" }),
          name: zPlainText().trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
          maxPoints: z.number({ message: "invalidNumber" }).positive({ message: "invalidNumber" }).max(100, { message: "invalidNumber" }),
        }),
      )
      .min(2, { message: "criteriaInvalid" })
      .max(20, { message: "criteriaInvalid" }),
  })
  .superRefine((rules, ctx) => {
    if (!sumsTo100(Object.values(rules.weights))) ctx.addIssue({ code: "custom", message: "weightsSum", path: ["weights"] });
    // Every grade once, from the highest threshold down, the last at 0 so every score has a grade.
    const order = rules.grades.map((g) => g.grade).join();
    const mins = rules.grades.map((g) => g.min);
    if (order !== GRADE_KEYS.join() || mins.some((m, i) => i > 0 && m >= mins[i - 1]!) || mins.at(-1) !== 0)
      ctx.addIssue({ code: "custom", message: "gradesInvalid", path: ["grades"] });
    if (new Set(rules.criteria.map((c) => c.key)).size !== rules.criteria.length)
      ctx.addIssue({ code: "custom", message: "criteriaInvalid", path: ["criteria"] });
    for (const office of EVALUATION_OFFICES) {
      if (!sumsTo100(rules.criteria.filter((c) => c.office === office).map((c) => c.maxPoints)))
        ctx.addIssue({ code: "custom", message: "criteriaSum", path: ["criteria"] });
    }
  }) satisfies z.ZodType<TEvaluationRules>;

// A JSON text that must parse into the rules.
const ZRulesText = z
  .string({ message: "invalid" })
  .max(10_000, { message: "tooLong" })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
  })
  .pipe(ZEvaluationRules);

const int = (min: number, max: number) =>
  z.coerce.number({ message: "invalid" }).int({ message: "invalid" }).min(min, { message: "invalid" }).max(max, { message: "invalid" });

export const ZOpenEvaluationInput = z.object({
  programId: ZUuid,
  year: int(2000, 2100),
  half: int(1, 2).transform((h) => h as 1 | 2),
});
export type TOpenEvaluationInput = z.infer<typeof ZOpenEvaluationInput>;

export const ZEvaluationIdInput = z.object({ evaluationId: ZUuid });

export const ZSetEvaluationRulesInput = z.object({
  evaluationId: ZUuid,
  /** The rules version the editor started from; a change in between → "conflict". */
  rulesVersion: int(1, 1_000_000),
  rules: ZRulesText,
});
export type TSetEvaluationRulesInput = z.infer<typeof ZSetEvaluationRulesInput>;

export const EVALUATION_COMMENT_MAX = 500;
export const RECTIFY_REASON_MAX = 500;

// One posted "points" field arrives as a string, several as an array.
const ZPoints = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number({ message: "invalidNumber" }).min(0, { message: "invalidNumber" }).max(100, { message: "invalidNumber" })),
);

/** One office's points for one bank, in the order of that office's criteria. */
export const ZEnterEvaluationScoresInput = z.object({
  evaluationId: ZUuid,
  bankOrgId: ZUuid,
  rulesVersion: int(1, 1_000_000),
  points: ZPoints,
  comment: zPlainText()
    .trim()
    .max(EVALUATION_COMMENT_MAX, { message: "tooLong" })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type TEnterEvaluationScoresInput = z.infer<typeof ZEnterEvaluationScoresInput>;

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** Require (or stop requiring) a bank to rectify beyond the threshold; a reason is needed to require it. */
export const ZPickRectificationInput = z
  .object({
    evaluationId: ZUuid,
    bankOrgId: ZUuid,
    picked: checkbox,
    reason: zPlainText()
      .trim()
      .max(RECTIFY_REASON_MAX, { message: "tooLong" })
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.picked && !v.reason) ctx.addIssue({ code: "custom", message: "required", path: ["reason"] });
  });
export type TPickRectificationInput = z.infer<typeof ZPickRectificationInput>;
