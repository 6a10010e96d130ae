/**
 * The finance office closes an open questionnaire before its window ends (past the
 * window it is closed anyway: rules.ts shownStatus). Answers already given stay.
 *
 * Refusals (AppError): forbidden · notFound · conflict · invalidState (not open).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TQuestionnaireStepInput } from "@/lib/questionnaires/schemas";
import { lockQuestionnaire } from "./lock-questionnaire";

export async function closeQuestionnaire(
  db: PrismaClient,
  actor: TActorSource,
  input: TQuestionnaireStepInput,
  opts: { now?: Date } = {},
): Promise<{ questionnaireId: string }> {
  if (!canActor(actorOf(actor), "questionnaires.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockQuestionnaire(tx, input, "OPEN");
    await tx.questionnaire.update({
      where: { id: input.questionnaireId },
      data: { status: "CLOSED", closedAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      action: "questionnaires.close",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Questionnaire",
      targetId: input.questionnaireId,
    });
    return { questionnaireId: input.questionnaireId };
  });
}
