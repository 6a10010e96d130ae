/**
 * A questionnaire's responses, newest first, a keyset page at a time: who answered, when,
 * and the bank the answers count for. Index: QuestionnaireResponse(questionnaireId,
 * submittedAt, id).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { keyDate, keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import { z } from "zod";

export const RESPONSE_PAGE_SIZE = 25;

export type TResponseRow = {
  id: string;
  submittedAt: Date;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  rated: number;
  satisfied: number;
};

const COLUMNS: readonly TKeyColumn[] = [
  { field: "submittedAt", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

export async function listQuestionnaireResponses(
  db: PrismaClient,
  actor: TActorSource,
  questionnaireId: string,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TResponseRow>> {
  if (!canActor(actorOf(actor), "questionnaires.read")) return { rows: [], next: null, previous: null };
  return readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TResponseRow) => [r.submittedAt, r.id],
        read: async (q) => {
          const rows = await db.questionnaireResponse.findMany({
            where: q.where ? { AND: [{ questionnaireId }, q.where] } : { questionnaireId },
            orderBy: q.orderBy as Prisma.QuestionnaireResponseOrderByWithRelationInput[],
            take: q.take,
            select: {
              id: true,
              submittedAt: true,
              bankOrgId: true,
              rated: true,
              satisfied: true,
              enterprise: { select: { name: true, park: { select: { org: { select: { name: true } } } } } },
            },
          });
          const bankIds = [...new Set(rows.flatMap((r) => (r.bankOrgId ? [r.bankOrgId] : [])))];
          const banks = bankIds.length
            ? await db.organization.findMany({ where: { id: { in: bankIds } }, select: { id: true, name: true } })
            : [];
          const nameOf = new Map(banks.map((b) => [b.id, b.name]));
          return rows.map((r) => ({
            id: r.id,
            submittedAt: r.submittedAt,
            enterpriseName: r.enterprise.name,
            parkName: r.enterprise.park.org.name,
            bankName: r.bankOrgId ? (nameOf.get(r.bankOrgId) ?? null) : null,
            rated: r.rated,
            satisfied: r.satisfied,
          }));
        },
      },
    ],
    cursor,
    RESPONSE_PAGE_SIZE,
  );
}
