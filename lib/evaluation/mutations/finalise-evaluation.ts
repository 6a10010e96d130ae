import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EvaluationStatus, Role } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { evaluateBank, type TBankResult } from "@/lib/evaluation/rules";
import { readQuarterScores } from "@/lib/evaluation/queries/read-quarter-scores";
import { lockOpenEvaluation, type TEvaluationOptions } from "@/lib/evaluation/mutations/lock-open-evaluation";
import { notifyMany } from "@/lib/notifications/mutations/notify";
import { toJson } from "@/lib/ranking/mutations/lock-quarter";

const asPoints = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === "number") ? (value as number[]) : null;

/**
 * Finalises an evaluation (finance office administrator): both quarters' rankings must be
 * published ("quartersNotPublished") and both offices must have scored every bank
 * ("scoresMissing"). Each bank's parts, combined score, grade and rectification are
 * written to its row, then the status flips LAST: from then on database triggers refuse
 * any change to the evaluation and its rows. The rankings read go into the snapshot; each
 * bank's managers and liaisons are notified of their result.
 */
export async function finaliseEvaluation(
  db: PrismaClient,
  actor: TActor,
  evaluationId: string,
  options: TEvaluationOptions = {},
): Promise<{ finalisedAt: Date; results: TBankResult[] }> {
  if (!canActor(actor, "evaluations.manage")) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const evaluation = await lockOpenEvaluation(tx, evaluationId);
    const { quarters, scores } = await readQuarterScores(tx, evaluation.programId, evaluation.year, evaluation.half);
    if (quarters.some((q) => q.rankingId === null)) throw new AppError("quartersNotPublished");
    const rows = await tx.halfYearEvaluationBank.findMany({
      where: { evaluationId: evaluation.id },
      select: { id: true, bankOrgId: true, pbcPoints: true, financePoints: true, rectifyPicked: true },
    });
    const missing = rows.filter((r) => asPoints(r.pbcPoints) === null || asPoints(r.financePoints) === null);
    if (missing.length > 0) throw new AppError("scoresMissing");
    const results: TBankResult[] = [];
    for (const row of rows) {
      const result = evaluateBank(evaluation.rules, {
        bankOrgId: row.bankOrgId,
        quarterScores: scores.get(row.bankOrgId) ?? [null, null],
        pbcPoints: asPoints(row.pbcPoints)!,
        financePoints: asPoints(row.financePoints)!,
        rectifyPicked: row.rectifyPicked,
      });
      results.push(result);
      await tx.halfYearEvaluationBank.update({
        where: { id: row.id },
        data: {
          quantitative: result.quantitative,
          pbcScore: result.pbcScore,
          financeScore: result.financeScore,
          combinedScore: result.combinedScore,
          grade: result.grade,
          mustRectify: result.mustRectify,
        },
      });
    }
    await writeAudit(tx, {
      action: "evaluations.finalised",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "HalfYearEvaluation",
      targetId: evaluation.id,
      ...options.meta,
      details: {
        year: evaluation.year,
        half: evaluation.half,
        banks: results.length,
        mustRectify: results.filter((r) => r.mustRectify).map((r) => r.bankOrgId),
      },
    });
    // Each evaluated bank hears of its own result, in the same transaction.
    await notifyMany(
      tx,
      results.map((r) => ({
        kind: r.mustRectify ? "evaluation.rectify" : "evaluation.finalised",
        orgIds: [r.bankOrgId],
        roles: [Role.BANK_MANAGER, Role.BANK_LIAISON],
        link: `/evaluations/${evaluation.id}`,
        params: { year: evaluation.year, half: evaluation.half, score: r.combinedScore.toFixed(2) },
        dedupeKey: `evaluation.finalised:${evaluation.id}:${r.bankOrgId}`,
      })),
    );
    const snapshot = { quarters, scores: Object.fromEntries(scores), finalisedAt: now };
    const { count } = await tx.halfYearEvaluation.updateMany({
      where: { id: evaluation.id, status: EvaluationStatus.OPEN },
      data: { status: EvaluationStatus.FINALISED, finalisedAt: now, finalisedById: actor.userId, snapshot: toJson(snapshot) },
    });
    if (count === 0) throw new AppError("evaluationFinalised");
    return { finalisedAt: now, results };
  });
}
