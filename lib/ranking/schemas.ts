import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { ZRuleSet } from "@/lib/ranking/rules";

// Inputs of the ranking and scoring actions, shared by the forms and the actions. Rules
// travel as one JSON field (the editor builds the list); the lib functions validate
// them again with ZRuleSet, since jobs and tests call them directly.

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
  year: z.coerce
    .number({ message: "invalid" })
    .int({ message: "invalid" })
    .min(2000, { message: "invalid" })
    .max(2100, { message: "invalid" }),
  quarter: z.coerce
    .number({ message: "invalid" })
    .int({ message: "invalid" })
    .min(1, { message: "invalid" })
    .max(4, { message: "invalid" })
    .transform((q) => q as 1 | 2 | 3 | 4),
});
export type TQuarterInput = z.infer<typeof ZQuarterInput>;

export const ZRankingIdInput = z.object({ rankingId: ZUuid });

export const ZSaveRuleSetInput = z.object({
  programId: ZUuid,
  name: zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "tooLong" }),
  /** The version the editor started from; another save in between → "conflict". */
  basedOnVersion: z.coerce.number().int().min(0).optional(),
  rules: ZRulesField,
});
export type TSaveRuleSetInput = z.input<typeof ZSaveRuleSetInput>;

export const ZPreviewRankingInput = ZQuarterInput.extend({ rules: ZRulesField });
