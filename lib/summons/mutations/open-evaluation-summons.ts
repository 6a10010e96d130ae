/**
 * The finance office opens a summons (约谈记录) for a bank a FINALISED half-year evaluation
 * found must rectify: the meeting's date, attendees, issues and measures as for a bulletin's
 * summons, with source HALF_YEAR_EVALUATION, the evaluation's id in sourceRef and — frozen
 * on the record — the evaluation's grade, combined score and both offices' comments. One
 * summons per evaluation and bank ("conflict" for a second; the row lock on the evaluation
 * bank row serializes two at once). An open evaluation, or a bank not found to rectify, is
 * "invalidState"; an unknown one "notFound".
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { SummonsSource } from "@/lib/generated/prisma/enums";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { openSummonsRecord, type TOpenSummonsResult } from "./open-summons-record";
import type { TOpenEvaluationSummonsInput } from "../schemas";
import { getEvaluationSummonsPrefill } from "../queries/get-evaluation-summons-prefill";
import type { TStoredPrefill } from "../queries/get-summons-prefill";

export async function openEvaluationSummons(
  db: PrismaClient,
  user: TActorSource,
  input: TOpenEvaluationSummonsInput,
  opts: { now?: Date; meta?: TRequestMeta } = {},
): Promise<TOpenSummonsResult> {
  return openSummonsRecord(
    db,
    user,
    [input.evaluationId, input.bankOrgId],
    input,
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id::text FROM "HalfYearEvaluationBank" WHERE "evaluationId" = ${input.evaluationId}::uuid AND "bankOrgId" = ${input.bankOrgId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("notFound");
      const prefill = await getEvaluationSummonsPrefill(tx, input.evaluationId, input.bankOrgId);
      if (!prefill) throw new AppError("invalidState");
      if (prefill.summonsId) throw new AppError("conflict");
      const { evaluation } = prefill;
      const stored: TStoredPrefill & { evaluation: Prisma.InputJsonValue } = {
        rankingId: null,
        year: evaluation.year,
        quarter: null,
        bottomList: [],
        items: [],
        itemTotals: { overdue: 0, escalated: 0 },
        evaluation: { id: evaluation.id, half: evaluation.half, ...prefill.bank },
      };
      return {
        source: {
          programId: evaluation.programId,
          source: SummonsSource.HALF_YEAR_EVALUATION,
          sourceRef: evaluation.id,
          year: evaluation.year,
          quarter: null,
        },
        stored,
        audit: {
          action: "summons.openFromEvaluation",
          details: { evaluationId: evaluation.id, bankOrgId: input.bankOrgId, grade: prefill.bank.grade, measures: input.measures.length },
        },
      };
    },
    opts,
  );
}
