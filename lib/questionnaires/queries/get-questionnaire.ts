/**
 * One questionnaire for the offices: its questions, target, window, response rate and
 * the satisfaction of each bank its answers count for, read from the QuestionnaireTally
 * read model (one row per bank the answers count for, whatever the number of answers).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionnaireStatus, QuestionnaireTarget } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { satisfactionPercent } from "@/lib/questionnaires/rules";
import { ZQuestions, type TQuestion } from "@/lib/questionnaires/schemas";

export type TBankSatisfaction = {
  bankOrgId: string | null;
  bankName: string | null;
  responses: number;
  rated: number;
  satisfied: number;
  percent: number | null;
};

export type TQuestionnaireDetail = {
  id: string;
  title: string;
  intro: string | null;
  year: number;
  quarter: number;
  status: QuestionnaireStatus;
  target: QuestionnaireTarget;
  targetParkName: string | null;
  targetTag: string | null;
  targetListName: string | null;
  opensOn: Date;
  closesOn: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  version: number;
  questions: TQuestion[];
  targeted: number;
  answered: number;
  banks: TBankSatisfaction[];
};

export async function getQuestionnaire(db: PrismaClient, actor: TActorSource, id: string): Promise<TQuestionnaireDetail | null> {
  if (!canActor(actorOf(actor), "questionnaires.read")) return null;
  const q = await db.questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      intro: true,
      year: true,
      quarter: true,
      status: true,
      target: true,
      targetParkId: true,
      targetTag: true,
      targetList: { select: { name: true, year: true } },
      opensOn: true,
      closesOn: true,
      openedAt: true,
      closedAt: true,
      version: true,
      questions: true,
      targetedCount: true,
    },
  });
  if (!q) return null;
  const park = q.targetParkId
    ? await db.park.findUnique({ where: { id: q.targetParkId }, select: { org: { select: { name: true } } } })
    : null;
  const banks = await db.$queryRaw<
    { bankOrgId: string | null; bankName: string | null; responses: number; rated: number; satisfied: number }[]
  >`
    SELECT nullif(t."bankKey", '00000000-0000-0000-0000-000000000000'::uuid)::text AS "bankOrgId", o.name AS "bankName",
           t.responses, t.rated, t.satisfied
      FROM "QuestionnaireTally" t LEFT JOIN "Organization" o ON o.id = t."bankKey"
     WHERE t."questionnaireId" = ${q.id}::uuid AND t.responses <> 0
     ORDER BY o.name NULLS LAST`;
  return {
    id: q.id,
    title: q.title,
    intro: q.intro,
    year: q.year,
    quarter: q.quarter,
    status: q.status,
    target: q.target,
    targetTag: q.targetTag,
    targetListName: q.targetList ? `${q.targetList.year} ${q.targetList.name}` : null,
    opensOn: q.opensOn,
    closesOn: q.closesOn,
    openedAt: q.openedAt,
    closedAt: q.closedAt,
    version: q.version,
    targetParkName: park?.org.name ?? null,
    questions: ZQuestions.parse(q.questions),
    targeted: q.targetedCount,
    answered: banks.reduce((sum, b) => sum + b.responses, 0),
    banks: banks.map((b) => ({ ...b, percent: satisfactionPercent(b.satisfied, b.rated) })),
  };
}
