import { z } from "zod";
import { checkNewProgram, checkProgramDetails, checkRules, type TFieldErrors } from "./rules";

// Inputs of the program forms, parsed by the server actions. The checks themselves are the
// pure functions of rules.ts (the mutations run them again); these schemas only turn their
// field errors into zod issues, so the action answers "invalidInput" with every field's
// code at once.

function addErrors(ctx: z.RefinementCtx, errors: TFieldErrors): typeof z.NEVER {
  for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
  return z.NEVER;
}

const zForm = z.record(z.string(), z.unknown(), { message: "invalidInput" });
const zProgramId = z.guid({ message: "notFound" });

export const ZCreateProgramInput = zForm.transform((raw, ctx) => {
  const { value, errors } = checkNewProgram(raw);
  return value ?? addErrors(ctx, errors);
});
export type TCreateProgramInput = z.infer<typeof ZCreateProgramInput>;

// The year is the stored program's: the mutation checks the phases against it.
export const ZUpdateProgramInput = zForm.transform((raw, ctx) => {
  const programId = zProgramId.safeParse(raw.programId);
  if (!programId.success) return addErrors(ctx, { programId: "notFound" });
  const { value, errors } = checkProgramDetails(raw, null);
  return value ? { programId: programId.data, ...value } : addErrors(ctx, errors);
});
export type TUpdateProgramInput = z.infer<typeof ZUpdateProgramInput>;

export const ZChangeRulesInput = zForm.transform((raw, ctx) => {
  const programId = zProgramId.safeParse(raw.programId);
  if (!programId.success) return addErrors(ctx, { programId: "notFound" });
  const basedOn = typeof raw.basedOnVersion === "string" && /^\d{1,6}$/.test(raw.basedOnVersion) ? Number(raw.basedOnVersion) : null;
  const { rules, errors } = checkRules(raw);
  return rules ? { programId: programId.data, basedOnVersion: basedOn, rules } : addErrors(ctx, errors);
});
export type TChangeRulesInput = z.infer<typeof ZChangeRulesInput>;
