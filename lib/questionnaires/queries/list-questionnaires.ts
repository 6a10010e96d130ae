/**
 * The offices' questionnaire list, newest first, a keyset page at a time, with each
 * one's answers (summed from the QuestionnaireTally rows of the page's questionnaires)
 * against the enterprises targeted when it was opened. Index: Questionnaire(createdAt, id).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionnaireStatus, QuestionnaireTarget } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { keyDate, keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import { z } from "zod";

export const QUESTIONNAIRE_PAGE_SIZE = 25;

export type TQuestionnaireRow = {
  id: string;
  title: string;
  year: number;
  quarter: number;
  status: QuestionnaireStatus;
  target: QuestionnaireTarget;
  opensOn: Date;
  closesOn: Date;
  createdAt: Date;
  answered: number;
  targeted: number;
};

const COLUMNS: readonly TKeyColumn[] = [
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

export async function listQuestionnaires(
  db: PrismaClient,
  actor: TActorSource,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TQuestionnaireRow>> {
  if (!canActor(actorOf(actor), "questionnaires.read")) return { rows: [], next: null, previous: null };
  return readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TQuestionnaireRow) => [r.createdAt, r.id],
        read: async (q) => {
          const rows = await db.questionnaire.findMany({
            where: q.where,
            orderBy: q.orderBy as Prisma.QuestionnaireOrderByWithRelationInput[],
            take: q.take,
            select: {
              id: true,
              title: true,
              year: true,
              quarter: true,
              status: true,
              target: true,
              opensOn: true,
              closesOn: true,
              createdAt: true,
              targetedCount: true,
            },
          });
          const tallies = rows.length
            ? await db.questionnaireTally.groupBy({
                by: ["questionnaireId"],
                where: { questionnaireId: { in: rows.map((r) => r.id) } },
                _sum: { responses: true },
              })
            : [];
          const answeredOf = new Map(tallies.map((t) => [t.questionnaireId, t._sum.responses ?? 0]));
          return rows.map(({ targetedCount, ...r }) => ({ ...r, answered: answeredOf.get(r.id) ?? 0, targeted: targetedCount }));
        },
      },
    ],
    cursor,
    QUESTIONNAIRE_PAGE_SIZE,
  );
}
