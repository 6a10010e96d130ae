import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { TPickRectificationInput } from "@/lib/evaluation/schemas";
import { lockOpenEvaluation, type TEvaluationOptions } from "@/lib/evaluation/mutations/lock-open-evaluation";

/**
 * Requires a bank to rectify whatever its combined score (or withdraws that requirement),
 * before finalisation: the finance office's judgement beside the threshold's rule. Who
 * and why are kept on the row and in the audit log.
 */
export async function pickRectification(
  db: PrismaClient,
  actor: TActor,
  input: TPickRectificationInput,
  options: TEvaluationOptions = {},
): Promise<{ picked: boolean }> {
  if (!canActor(actor, "evaluations.manage")) throw new AppError("forbidden");
  if (input.picked && !input.reason) throw new AppError("invalidInput", { reason: "required" });
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const evaluation = await lockOpenEvaluation(tx, input.evaluationId);
    const row = await tx.halfYearEvaluationBank.findUnique({
      where: { evaluationId_bankOrgId: { evaluationId: evaluation.id, bankOrgId: input.bankOrgId } },
      select: { id: true },
    });
    if (!row) throw new AppError("notFound");
    await tx.halfYearEvaluationBank.update({
      where: { id: row.id },
      data: input.picked
        ? { rectifyPicked: true, rectifyReason: input.reason, rectifyById: actor.userId, rectifyAt: now }
        : { rectifyPicked: false, rectifyReason: null, rectifyById: actor.userId, rectifyAt: now },
    });
    await writeAudit(tx, {
      action: "evaluations.rectificationPicked",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "HalfYearEvaluation",
      targetId: evaluation.id,
      ...options.meta,
      details: { bankOrgId: input.bankOrgId, picked: input.picked, reason: input.reason },
    });
    return { picked: input.picked };
  });
}
