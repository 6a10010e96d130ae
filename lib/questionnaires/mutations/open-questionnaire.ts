/**
 * The finance office opens a draft questionnaire: from then on the enterprises of its
 * target see it on their dashboard and answer within its window. The number of
 * enterprises targeted is counted once, here, and stored: it is the response rate's
 * denominator, so a page view never counts the registry.
 *
 * Refusals (AppError): forbidden · notFound · conflict (changed since the page was loaded)
 * · invalidState (not a draft).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TQuestionnaireStepInput } from "@/lib/questionnaires/schemas";
import { lockQuestionnaire } from "./lock-questionnaire";
import { targetWhere } from "@/lib/questionnaires/target-where";

export async function openQuestionnaire(
  db: PrismaClient,
  actor: TActorSource,
  input: TQuestionnaireStepInput,
  opts: { now?: Date } = {},
): Promise<{ questionnaireId: string; targeted: number }> {
  if (!canActor(actorOf(actor), "questionnaires.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockQuestionnaire(tx, input, "DRAFT");
    const q = await tx.questionnaire.findUniqueOrThrow({
      where: { id: input.questionnaireId },
      select: { target: true, targetParkId: true, targetTag: true, targetListId: true },
    });
    const targeted = await tx.enterprise.count({ where: targetWhere(q) });
    await tx.questionnaire.update({
      where: { id: input.questionnaireId },
      data: { status: "OPEN", openedAt: now, targetedCount: targeted, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      action: "questionnaires.open",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Questionnaire",
      targetId: input.questionnaireId,
      details: { targeted },
    });
    return { questionnaireId: input.questionnaireId, targeted };
  });
}
