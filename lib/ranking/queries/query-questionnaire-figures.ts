/**
 * For a quarter's ranking: each bank's questionnaire satisfaction answers, summed over the
 * responses to the program's questionnaires of that quarter (opened or closed, never a
 * draft). A response counts for the bank fixed on it at submission (the main contact bank
 * of the enterprise's park). One grouped statement; banks without an answer are absent.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

export type TQuestionnaireFiguresRow = { bankOrgId: string; rated: number; satisfied: number };

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryQuestionnaireFigures(
  db: TDb,
  params: { programId: string; window: TQuarterWindow },
): Promise<TQuestionnaireFiguresRow[]> {
  const { programId, window } = params;
  return db.$queryRaw<TQuestionnaireFiguresRow[]>`
    SELECT r."bankOrgId"::text AS "bankOrgId", coalesce(sum(r.rated), 0)::int AS rated, coalesce(sum(r.satisfied), 0)::int AS satisfied
      FROM "Questionnaire" q JOIN "QuestionnaireResponse" r ON r."questionnaireId" = q.id
     WHERE q."programId" = ${programId}::uuid AND q.year = ${window.year}::int AND q.quarter = ${window.quarter}::int
       AND q.status <> 'DRAFT' AND r."bankOrgId" IS NOT NULL
     GROUP BY r."bankOrgId"`;
}
