/**
 * The finance office writes a questionnaire (a draft): title, the quarter it is scored
 * for, the target, the window and the questions (checked by ZQuestions). Nobody sees it
 * until it is opened (open-questionnaire.ts).
 *
 * Refusals (AppError): forbidden (no permission) · noProgram (no program for the year) ·
 * invalidInput with fieldErrors: targetParkId or targetListId "notFound".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TCreateQuestionnaireInput } from "@/lib/questionnaires/schemas";

export async function createQuestionnaire(
  db: PrismaClient,
  actor: TActorSource,
  input: TCreateQuestionnaireInput,
): Promise<{ questionnaireId: string }> {
  if (!canActor(actorOf(actor), "questionnaires.manage")) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const program = await tx.program.findFirst({ where: { year: input.year }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!program) throw new AppError("noProgram");
    if (input.target === "PARK") {
      const park = await tx.park.findUnique({ where: { id: input.targetParkId ?? undefined }, select: { id: true } });
      if (!park) throw new AppError("invalidInput", { targetParkId: "notFound" });
    }
    if (input.target === "KEY_LIST") {
      const list = await tx.keyList.findUnique({ where: { id: input.targetListId ?? undefined }, select: { id: true } });
      if (!list) throw new AppError("invalidInput", { targetListId: "notFound" });
    }
    const created = await tx.questionnaire.create({
      data: {
        programId: program.id,
        year: input.year,
        quarter: input.quarter,
        title: input.title,
        intro: input.intro,
        questions: input.questions,
        target: input.target,
        targetParkId: input.target === "PARK" ? input.targetParkId : null,
        targetTag: input.target === "TAG" ? input.targetTag : null,
        targetListId: input.target === "KEY_LIST" ? input.targetListId : null,
        opensOn: new Date(`${input.opensOn}T00:00:00Z`),
        closesOn: new Date(`${input.closesOn}T00:00:00Z`),
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "questionnaires.create",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Questionnaire",
      targetId: created.id,
      details: { year: input.year, quarter: input.quarter, target: input.target, questions: input.questions.length },
    });
    return { questionnaireId: created.id };
  });
}
