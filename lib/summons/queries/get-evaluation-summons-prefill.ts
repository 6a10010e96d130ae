/**
 * What a summons after a half-year evaluation starts from: the FINALISED evaluation and one
 * bank it found must rectify, with the bank's combined score, grade, both offices' comments
 * and the reason a rectification was picked by hand — read from the frozen evaluation rows,
 * so the record says what the evaluation said. Null when the evaluation is missing or still
 * open, or the bank was not found to rectify. `summonsId`: the summons already opened for
 * this evaluation and bank, if any (one per evaluation and bank).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EvaluationStatus, SummonsSource } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TEvaluationSummonsPrefill = {
  evaluation: { id: string; programId: string; programName: string; year: number; half: number };
  bank: {
    bankOrgId: string;
    bankName: string;
    combinedScore: number | null;
    grade: string | null;
    pbcComment: string | null;
    financeComment: string | null;
    rectifyReason: string | null;
  };
  summonsId: string | null;
};

export async function getEvaluationSummonsPrefill(
  db: TDb,
  evaluationId: string,
  bankOrgId: string,
): Promise<TEvaluationSummonsPrefill | null> {
  if (!isUuid(evaluationId) || !isUuid(bankOrgId)) return null;
  const row = await db.halfYearEvaluationBank.findUnique({
    where: { evaluationId_bankOrgId: { evaluationId, bankOrgId } },
    select: {
      mustRectify: true,
      combinedScore: true,
      grade: true,
      pbcComment: true,
      financeComment: true,
      rectifyReason: true,
      bank: { select: { name: true } },
      evaluation: { select: { id: true, programId: true, year: true, half: true, status: true, program: { select: { name: true } } } },
    },
  });
  if (!row || row.evaluation.status !== EvaluationStatus.FINALISED || !row.mustRectify) return null;
  const existing = await db.summons.findFirst({
    where: { source: SummonsSource.HALF_YEAR_EVALUATION, sourceRef: evaluationId, bankOrgId },
    select: { id: true },
  });
  const e = row.evaluation;
  return {
    evaluation: { id: e.id, programId: e.programId, programName: e.program.name, year: e.year, half: e.half },
    bank: {
      bankOrgId,
      bankName: row.bank.name,
      combinedScore: row.combinedScore === null ? null : Number(row.combinedScore),
      grade: row.grade,
      pbcComment: row.pbcComment,
      financeComment: row.financeComment,
      rectifyReason: row.rectifyReason,
    },
    summonsId: existing?.id ?? null,
  };
}
