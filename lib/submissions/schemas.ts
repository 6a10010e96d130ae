/**
 * What the submission forms post (shared by the actions; the lib re-checks everything).
 * Error messages are codes under "submissions.errors".
 */
import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { figureRowsFromForm } from "./figures";
import { parseQuarterParam } from "./quarter";
import { RETURN_REASON_MAX, RETURN_REASON_MIN } from "./mutations/review-submission";

const id = z.string().trim().min(1, { message: "notFound" }).max(64, { message: "notFound" });
const version = z.string().trim().min(1, { message: "conflict" }).max(64, { message: "conflict" });

export const ZOpenSubmissionInput = z.object({ programId: id, quarter: z.string().max(16) }).transform((v, ctx) => {
  const q = parseQuarterParam(v.quarter);
  if (!q) {
    ctx.addIssue({ code: "custom", path: ["quarter"], message: "badQuarter" });
    return z.NEVER;
  }
  return { programId: v.programId, ...q };
});

export const ZSubmissionStepInput = z.object({ submissionId: id, version });

/** The figures form: flat "figures.<parkId>.<field>" fields, gathered into rows. */
export const ZSaveSubmissionInput = z
  .looseObject({ submissionId: id, version })
  .transform((v) => ({ submissionId: v.submissionId, version: v.version, figures: figureRowsFromForm(v) }));

export const ZReturnSubmissionInput = z.object({
  submissionId: id,
  version,
  reason: zPlainText().trim().min(RETURN_REASON_MIN, { message: "reasonRequired" }).max(RETURN_REASON_MAX, { message: "reasonTooLong" }),
});
