/**
 * One questionnaire as its enterprise sees it: the questions, whether it may answer now,
 * its own answers once given, and the bank its satisfaction answers count for (the main
 * contact bank of its park in the questionnaire's year). Not for this enterprise, or a
 * draft: null (the page answers "not found").
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { shownStatus, type TShownStatus } from "@/lib/questionnaires/rules";
import { ZQuestions, type TAnswers, type TQuestion } from "@/lib/questionnaires/schemas";
import { targetWhere } from "@/lib/questionnaires/target-where";

export type TQuestionnaireToAnswer = {
  id: string;
  title: string;
  intro: string | null;
  opensOn: Date;
  closesOn: Date;
  shown: TShownStatus;
  questions: TQuestion[];
  bankName: string | null;
  answers: TAnswers | null;
  submittedAt: Date | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function getQuestionnaireToAnswer(
  db: PrismaClient,
  actor: TActorSource,
  id: string,
  now = new Date(),
): Promise<TQuestionnaireToAnswer | null> {
  if (!canActor(actorOf(actor), "questionnaires.answer")) return null;
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) return null;
  const q = await db.questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      programId: true,
      year: true,
      title: true,
      intro: true,
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
  if (!q || q.status === "DRAFT") return null;
  const enterprise = await db.enterprise.findFirst({ where: { AND: [{ id: enterpriseId }, targetWhere(q)] }, select: { parkId: true } });
  if (!enterprise) return null;
  const response = await db.questionnaireResponse.findUnique({
    where: { questionnaireId_enterpriseId: { questionnaireId: q.id, enterpriseId } },
    select: { answers: true, submittedAt: true, bankOrgId: true },
  });
  const main = response
    ? response.bankOrgId
    : ((
        await db.parkBankPairing.findFirst({
          where: { programId: q.programId, year: q.year, parkId: enterprise.parkId, role: "MAIN", endedAt: null },
          orderBy: { createdAt: "asc" },
          select: { bankOrgId: true },
        })
      )?.bankOrgId ?? null);
  const bank = main ? await db.organization.findUnique({ where: { id: main }, select: { name: true } }) : null;
  return {
    id: q.id,
    title: q.title,
    intro: q.intro,
    opensOn: q.opensOn,
    closesOn: q.closesOn,
    shown: shownStatus(q.status, day(q.opensOn), day(q.closesOn), shanghaiDateString(now)),
    questions: ZQuestions.parse(q.questions),
    bankName: bank?.name ?? null,
    answers: response ? (response.answers as TAnswers) : null,
    submittedAt: response?.submittedAt ?? null,
  };
}
