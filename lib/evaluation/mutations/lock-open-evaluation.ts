import type { Prisma } from "@/lib/generated/prisma/client";
import { EvaluationStatus } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { AppError } from "@/lib/errors";
import type { TEvaluationRules } from "@/lib/evaluation/rules";
import { ZEvaluationRules } from "@/lib/evaluation/schemas";

export type TEvaluationOptions = { now?: Date; meta?: Partial<TRequestMeta> };

export type TLockedEvaluation = {
  id: string;
  programId: string;
  year: number;
  half: 1 | 2;
  rules: TEvaluationRules;
  rulesVersion: number;
};

/**
 * Locks an evaluation row for the rest of the transaction and returns it, refusing one
 * that does not exist ("notFound") or is already finalised ("evaluationFinalised"): every
 * step of the evaluation runs behind this lock, so a score cannot land after finalisation.
 */
export async function lockOpenEvaluation(tx: Prisma.TransactionClient, evaluationId: string): Promise<TLockedEvaluation> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM "HalfYearEvaluation" WHERE id = ${evaluationId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("notFound");
  const evaluation = await tx.halfYearEvaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: { id: true, programId: true, year: true, half: true, status: true, rules: true, rulesVersion: true },
  });
  if (evaluation.status === EvaluationStatus.FINALISED) throw new AppError("evaluationFinalised");
  return {
    id: evaluation.id,
    programId: evaluation.programId,
    year: evaluation.year,
    half: evaluation.half === 2 ? 2 : 1,
    rules: ZEvaluationRules.parse(evaluation.rules),
    rulesVersion: evaluation.rulesVersion,
  };
}
