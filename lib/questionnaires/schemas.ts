/**
 * The questionnaire's questions as data, and the inputs of its actions (zod). Messages
 * are keys of the "questionnaires" namespace (questionnaires.errors.<key>) or the shared
 * codes. The questions travel as one JSON field (the builder makes the list) and are
 * checked again here, so what is stored is always a valid list.
 */
import { z } from "zod";
import { zCalendarDay, zRequiredText as required, zOptionalText as optional, zQuarter, zYear } from "@/lib/validation/fields";

export const QUESTIONNAIRE_LIMITS = {
  title: 100,
  intro: 1000,
  question: 200,
  option: 60,
  options: 12,
  questions: 40,
  textAnswerMax: 2000,
  tag: 40,
} as const;

export const QUESTION_KINDS = ["single", "multi", "scale", "text"] as const;
export type TQuestionKind = (typeof QUESTION_KINDS)[number];

const id = z.uuid({ message: "notFound" });

/**
 * One question. `satisfaction` (scale questions only) makes its answers count toward the
 * bank's questionnaire satisfaction (4 or 5 of 5 is satisfied); `maxLength` bounds a text
 * answer (the form shows it as a count).
 */
export const ZQuestion = z
  .object({
    id: z.string().regex(/^q[0-9]{1,3}$/, { message: "invalid" }),
    kind: z.enum(QUESTION_KINDS, { message: "invalid" }),
    text: required(QUESTIONNAIRE_LIMITS.question),
    required: z.boolean().default(true),
    options: z.array(required(QUESTIONNAIRE_LIMITS.option)).max(QUESTIONNAIRE_LIMITS.options, { message: "tooMany" }).default([]),
    satisfaction: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(QUESTIONNAIRE_LIMITS.textAnswerMax).default(500),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single" || q.kind === "multi";
    if (choice && q.options.length < 2) ctx.addIssue({ code: "custom", message: "tooFewOptions", path: ["options"] });
    if (choice && new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: "custom", message: "duplicateOption", path: ["options"] });
    if (q.satisfaction && q.kind !== "scale") ctx.addIssue({ code: "custom", message: "satisfactionScaleOnly", path: ["satisfaction"] });
  });
export type TQuestion = z.output<typeof ZQuestion>;

export const ZQuestions = z
  .array(ZQuestion, { message: "invalid" })
  .min(1, { message: "noQuestions" })
  .max(QUESTIONNAIRE_LIMITS.questions, { message: "tooMany" })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", message: "invalid", path: [i, "id"] });
      seen.add(q.id);
    });
  });

// A JSON text that must parse; what it must parse into is the caller's pipe.
const ZJsonText = z.string().transform((value, ctx) => {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
});

export const QUESTIONNAIRE_TARGETS = ["ALL", "PARK", "TAG", "KEY_LIST"] as const;

export const ZCreateQuestionnaire = z
  .object({
    title: required(QUESTIONNAIRE_LIMITS.title),
    intro: optional(QUESTIONNAIRE_LIMITS.intro),
    year: zYear,
    quarter: zQuarter,
    target: z.enum(QUESTIONNAIRE_TARGETS, { message: "required" }),
    targetParkId: z
      .union([z.literal(""), id])
      .optional()
      .transform((v) => (v ? v : null)),
    targetTag: optional(QUESTIONNAIRE_LIMITS.tag),
    targetListId: z
      .union([z.literal(""), id])
      .optional()
      .transform((v) => (v ? v : null)),
    opensOn: zCalendarDay("badDate"),
    closesOn: zCalendarDay("badDate"),
    questions: z.union([ZJsonText, z.array(z.unknown())], { message: "invalid" }).pipe(ZQuestions),
  })
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn) ctx.addIssue({ code: "custom", message: "closesBeforeOpens", path: ["closesOn"] });
    if (v.target === "PARK" && !v.targetParkId) ctx.addIssue({ code: "custom", message: "required", path: ["targetParkId"] });
    if (v.target === "TAG" && !v.targetTag) ctx.addIssue({ code: "custom", message: "required", path: ["targetTag"] });
    if (v.target === "KEY_LIST" && !v.targetListId) ctx.addIssue({ code: "custom", message: "required", path: ["targetListId"] });
  });
export type TCreateQuestionnaireInput = z.output<typeof ZCreateQuestionnaire>;

export const ZQuestionnaireStep = z.object({ questionnaireId: id, version: z.coerce.number().int().min(0) });
export type TQuestionnaireStepInput = z.output<typeof ZQuestionnaireStep>;

/** An answer: a choice, the choices, a 1–5 score or a text (checked against its question by the mutation). */
const ZAnswerValue = z.union([
  z.number().int(),
  z.string().max(QUESTIONNAIRE_LIMITS.textAnswerMax * 2, { message: "tooLong" }),
  z
    .array(z.string().max(QUESTIONNAIRE_LIMITS.option * 2, { message: "tooLong" }))
    .max(QUESTIONNAIRE_LIMITS.options, { message: "tooMany" }),
]);

export const ZAnswers = z.record(z.string().max(8, { message: "invalid" }), ZAnswerValue);
export type TAnswers = z.output<typeof ZAnswers>;

export const ZAnswerQuestionnaire = z.object({
  questionnaireId: id,
  answers: z.union([ZJsonText, z.record(z.string(), z.unknown())], { message: "invalid" }).pipe(ZAnswers),
});
export type TAnswerQuestionnaireInput = z.output<typeof ZAnswerQuestionnaire>;
