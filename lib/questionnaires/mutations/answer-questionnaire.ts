/**
 * An enterprise answers an open questionnaire of its target, once: the unique
 * (questionnaireId, enterpriseId) and the append-only table make the answer final. Its
 * satisfaction answers count for the main contact bank of the enterprise's park in the
 * questionnaire's year, fixed here (docs/decisions/028-questionnaire-satisfaction.md).
 *
 * Refusals (AppError): forbidden (no permission, no enterprise) · notFound (a draft, or
 * not for this enterprise) · invalidState (outside the window, or closed) ·
 * alreadyAnswered · invalidInput with fieldErrors "answers.<questionId>".
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { checkAnswers, mayAnswer } from "@/lib/questionnaires/rules";
import { ZQuestions, type TAnswerQuestionnaireInput } from "@/lib/questionnaires/schemas";
import { targetWhere } from "@/lib/questionnaires/target-where";

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function answerQuestionnaire(
  db: PrismaClient,
  actor: TActorSource,
  input: TAnswerQuestionnaireInput,
  opts: { now?: Date } = {},
): Promise<{ responseId: string }> {
  if (!canActor(actorOf(actor), "questionnaires.answer")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const scope = await loadScopeContext(db, actor);
  if (!scope.enterpriseId) throw new AppError("forbidden");
  const enterpriseId = scope.enterpriseId;
  return db.$transaction(async (tx) => {
    const q = await tx.questionnaire.findUnique({
      where: { id: input.questionnaireId },
      select: {
        id: true,
        programId: true,
        year: true,
        status: true,
        opensOn: true,
        closesOn: true,
        questions: true,
        target: true,
        targetParkId: true,
        targetTag: true,
        targetListId: true,
      },
    });
    if (!q || q.status === "DRAFT") throw new AppError("notFound");
    const enterprise = await tx.enterprise.findFirst({ where: { AND: [{ id: enterpriseId }, targetWhere(q)] }, select: { parkId: true } });
    if (!enterprise) throw new AppError("notFound");
    if (!mayAnswer(q.status, day(q.opensOn), day(q.closesOn), shanghaiDateString(now))) throw new AppError("invalidState");
    const answered = await tx.questionnaireResponse.findUnique({
      where: { questionnaireId_enterpriseId: { questionnaireId: q.id, enterpriseId } },
      select: { id: true },
    });
    if (answered) throw new AppError("alreadyAnswered");
    const checked = checkAnswers(ZQuestions.parse(q.questions), input.answers);
    if (Object.keys(checked.errors).length > 0) throw new AppError("invalidInput", checked.errors);
    const main = await tx.parkBankPairing.findFirst({
      where: { programId: q.programId, year: q.year, parkId: enterprise.parkId, role: "MAIN", endedAt: null },
      orderBy: { createdAt: "asc" },
      select: { bankOrgId: true },
    });
    // A second submission racing this one meets the unique index: answered once, whichever wins.
    const created = await tx.questionnaireResponse
      .create({
        data: {
          questionnaireId: q.id,
          enterpriseId,
          bankOrgId: main?.bankOrgId ?? null,
          answers: checked.answers,
          rated: checked.rated,
          satisfied: checked.satisfied,
          submittedById: actor.userId,
          submittedAt: now,
        },
        select: { id: true },
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === "P2002") throw new AppError("alreadyAnswered");
        throw error;
      });
    await writeAudit(tx, {
      action: "questionnaires.answer",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "Questionnaire",
      targetId: q.id,
      details: { responseId: created.id },
    });
    return { responseId: created.id };
  });
}
