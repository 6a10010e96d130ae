/**
 * What the summons forms post (shared by the actions and the mutations, which re-check
 * everything). Error messages are codes under "summons.errors".
 */
import { z } from "zod";
import { zCalendarDay, zPlainText } from "@/lib/validation/fields";
import { SUMMONS_MEASURES_MAX, SUMMONS_REASON_MIN, SUMMONS_SHORT_TEXT_MAX, SUMMONS_TEXT_MAX } from "./rules";

const id = z.string().trim().min(1, { message: "notFound" }).max(64, { message: "notFound" });
const version = z.coerce.number({ message: "conflict" }).int({ message: "conflict" }).min(1, { message: "conflict" });

const text = (max: number) => zPlainText().trim().min(1, { message: "required" }).max(max, { message: "tooLong" });

/** Measure fields are posted flat: measureText.0 / measureDeadline.0 … (blank rows ignored). */
export function measureFieldName(kind: "text" | "deadline", index: number): string {
  return kind === "text" ? `measureText.${index}` : `measureDeadline.${index}`;
}

const ZMeasure = z.object({ text: text(SUMMONS_SHORT_TEXT_MAX), deadline: zCalendarDay() });

export const ZOpenSummonsInput = z
  .looseObject({
    rankingId: id,
    bankOrgId: id,
    heldOn: zCalendarDay(),
    attendees: text(SUMMONS_SHORT_TEXT_MAX),
    issues: text(SUMMONS_TEXT_MAX),
  })
  .transform((v, ctx) => {
    const measures: Array<{ text: string; deadline: string }> = [];
    for (let i = 0; i < SUMMONS_MEASURES_MAX; i++) {
      const rawText = v[measureFieldName("text", i)];
      const rawDeadline = v[measureFieldName("deadline", i)];
      const blank = (x: unknown) => x === undefined || (typeof x === "string" && x.trim() === "");
      if (blank(rawText) && blank(rawDeadline)) continue;
      const parsed = ZMeasure.safeParse({ text: rawText ?? "", deadline: rawDeadline ?? "" });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: "custom",
            path: [measureFieldName(issue.path[0] === "text" ? "text" : "deadline", i)],
            message: issue.message,
          });
        continue;
      }
      if (parsed.data.deadline < v.heldOn)
        ctx.addIssue({ code: "custom", path: [measureFieldName("deadline", i)], message: "deadlineBeforeMeeting" });
      measures.push(parsed.data);
    }
    if (measures.length === 0) ctx.addIssue({ code: "custom", path: [measureFieldName("text", 0)], message: "measureRequired" });
    return {
      rankingId: v.rankingId,
      bankOrgId: v.bankOrgId,
      heldOn: v.heldOn,
      attendees: v.attendees,
      issues: v.issues,
      measures,
    };
  });
export type TOpenSummonsInput = z.output<typeof ZOpenSummonsInput>;

export const ZSummonsStepInput = z.object({ summonsId: id, version });
export type TSummonsStepInput = z.output<typeof ZSummonsStepInput>;

/** The bank's plan or completion report. */
export const ZSummonsFilingInput = z.object({ summonsId: id, version, text: text(SUMMONS_TEXT_MAX) });
export type TSummonsFilingInput = z.output<typeof ZSummonsFilingInput>;

export const ZSummonsReturnInput = z.object({
  summonsId: id,
  version,
  reason: zPlainText().trim().min(SUMMONS_REASON_MIN, { message: "reasonRequired" }).max(SUMMONS_SHORT_TEXT_MAX, { message: "tooLong" }),
});
export type TSummonsReturnInput = z.output<typeof ZSummonsReturnInput>;

/**
 * A summons after a half-year evaluation: the same meeting fields as after a bulletin,
 * with the evaluation instead of the ranking.
 */
export const ZOpenEvaluationSummonsInput = z.looseObject({ evaluationId: id }).transform((v, ctx) => {
  const parsed = ZOpenSummonsInput.safeParse({ ...v, rankingId: v.evaluationId });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  const { rankingId: _ranking, ...rest } = parsed.data;
  void _ranking;
  return { ...rest, evaluationId: v.evaluationId };
});
export type TOpenEvaluationSummonsInput = z.output<typeof ZOpenEvaluationSummonsInput>;
