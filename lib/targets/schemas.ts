import { z } from "zod";
import { TARGET_FIELD_MAX, TARGET_NOTE_MAX, checkTarget } from "./rules";

// The finance office's target form. The figures are checked by checkTarget (rules.ts, run
// again by the mutation); this schema turns its field errors into zod issues so the action
// answers "invalidInput" with every field's code at once.

const zFigure = z.string({ message: "required" }).max(TARGET_FIELD_MAX, { message: "tooLong" });

export const ZSetBankTargetInput = z
  .object({
    programId: z.guid({ message: "notFound" }),
    bankOrgId: z.guid({ message: "notFound" }),
    /** The version the form showed ("" for none yet): another change first → "conflict". */
    basedOnVersion: z.string().max(6, { message: "tooLong" }).regex(/^\d*$/, { message: "invalidInput" }).optional(),
    amount: zFigure,
    borrowers: zFigure,
    firstLoans: zFigure,
    creditLoans: zFigure,
    note: z.string().max(TARGET_NOTE_MAX, { message: "tooLong" }).optional(),
  })
  .transform((raw, ctx) => {
    const { value, errors } = checkTarget(raw);
    if (!value) {
      for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
      return z.NEVER;
    }
    const note = raw.note?.trim() ?? "";
    return {
      programId: raw.programId,
      bankOrgId: raw.bankOrgId,
      basedOnVersion: raw.basedOnVersion ? Number(raw.basedOnVersion) : null,
      target: value,
      note: note === "" ? null : note,
    };
  });
export type TSetBankTargetInput = z.infer<typeof ZSetBankTargetInput>;
