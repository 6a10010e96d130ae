import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TQuestionnaireStepInput } from "@/lib/questionnaires/schemas";

/**
 * Locks the questionnaire of a step for the rest of the transaction (two clicks on the same
 * step queue behind each other) and checks it is still as the user saw it: it exists
 * (notFound), its version is the one the form sent (conflict), its status is the one the
 * step starts from (invalidState).
 */
export async function lockQuestionnaire(
  tx: Prisma.TransactionClient,
  input: TQuestionnaireStepInput,
  from: "DRAFT" | "OPEN",
): Promise<void> {
  const [row] = await tx.$queryRaw<{ status: string; version: number }[]>`
    SELECT status::text AS status, version FROM "Questionnaire" WHERE id = ${input.questionnaireId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("notFound");
  if (row.version !== input.version) throw new AppError("conflict");
  if (row.status !== from) throw new AppError("invalidState");
}
