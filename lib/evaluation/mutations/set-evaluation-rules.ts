import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { ZEvaluationRules, type TSetEvaluationRulesInput } from "@/lib/evaluation/schemas";
import { lockOpenEvaluation, type TEvaluationOptions } from "@/lib/evaluation/mutations/lock-open-evaluation";

/**
 * Replaces an open evaluation's rules (criteria, weights, grade thresholds, rectification
 * threshold). Refused once either office has entered a score ("rulesFrozen"): scores are
 * given against criteria, which must not change under them. The old and new rules go
 * into the audit entry, so every version stays on record.
 */
export async function setEvaluationRules(
  db: PrismaClient,
  actor: TActor,
  input: TSetEvaluationRulesInput,
  options: TEvaluationOptions = {},
): Promise<{ rulesVersion: number }> {
  if (!canActor(actor, "evaluations.manage")) throw new AppError("forbidden");
  const rules = ZEvaluationRules.parse(input.rules);
  return db.$transaction(async (tx) => {
    const evaluation = await lockOpenEvaluation(tx, input.evaluationId);
    if (evaluation.rulesVersion !== input.rulesVersion) throw new AppError("conflict");
    const scored = await tx.halfYearEvaluationBank.findFirst({
      where: { evaluationId: evaluation.id, OR: [{ pbcAt: { not: null } }, { financeAt: { not: null } }] },
      select: { id: true },
    });
    if (scored) throw new AppError("rulesFrozen");
    const rulesVersion = evaluation.rulesVersion + 1;
    await tx.halfYearEvaluation.update({
      where: { id: evaluation.id },
      data: { rules: rules as unknown as Prisma.InputJsonValue, rulesVersion },
    });
    await writeAudit(tx, {
      action: "evaluations.rulesChanged",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "HalfYearEvaluation",
      targetId: evaluation.id,
      ...options.meta,
      details: { rulesVersion, before: evaluation.rules, after: rules } as unknown as Prisma.InputJsonValue,
    });
    return { rulesVersion };
  });
}
