import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { officeScore, pointsProblem, type TEvaluationOffice } from "@/lib/evaluation/rules";
import type { TEnterEvaluationScoresInput } from "@/lib/evaluation/schemas";
import { lockOpenEvaluation, type TEvaluationOptions } from "@/lib/evaluation/mutations/lock-open-evaluation";

/** Which office's qualitative part the actor scores: its organization decides, never the form. */
export function evaluationOfficeOf(actor: TActor): TEvaluationOffice | null {
  if (actor.orgKind === OrgKind.CENTRAL_BANK) return "pbc";
  if (actor.orgKind === OrgKind.FINANCE_OFFICE) return "finance";
  return null;
}

/**
 * Records the actor's office's points (one per criterion of that office) and comment for
 * one bank of an open evaluation. May be entered again until finalisation; every entry is
 * in the audit log with its points. A form filled under older rules is refused ("conflict").
 */
export async function enterEvaluationScores(
  db: PrismaClient,
  actor: TActor,
  input: TEnterEvaluationScoresInput,
  options: TEvaluationOptions = {},
): Promise<{ office: TEvaluationOffice; score: number }> {
  const office = evaluationOfficeOf(actor);
  if (!canActor(actor, "evaluations.score") || !office) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const evaluation = await lockOpenEvaluation(tx, input.evaluationId);
    if (evaluation.rulesVersion !== input.rulesVersion) throw new AppError("conflict");
    const problem = pointsProblem(evaluation.rules, office, input.points);
    if (problem) throw new AppError("invalidInput", { points: problem });
    const row = await tx.halfYearEvaluationBank.findUnique({
      where: { evaluationId_bankOrgId: { evaluationId: evaluation.id, bankOrgId: input.bankOrgId } },
      select: { id: true },
    });
    if (!row) throw new AppError("notFound");
    const points = [...input.points];
    await tx.halfYearEvaluationBank.update({
      where: { id: row.id },
      data:
        office === "pbc"
          ? { pbcPoints: points, pbcComment: input.comment, pbcById: actor.userId, pbcAt: now }
          : { financePoints: points, financeComment: input.comment, financeById: actor.userId, financeAt: now },
    });
    const score = officeScore(points);
    await writeAudit(tx, {
      action: "evaluations.scored",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "HalfYearEvaluation",
      targetId: evaluation.id,
      ...options.meta,
      details: { office, bankOrgId: input.bankOrgId, points, score, rulesVersion: evaluation.rulesVersion },
    });
    return { office, score };
  });
}
