/**
 * The questionnaires an enterprise may answer today (published, within the window, its
 * target includes the enterprise) and whether it already has. For its dashboard: a
 * handful of rows, read by Questionnaire(status, closesOn).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { shanghaiDateString } from "@/lib/calendar/working-days";

export type TOpenQuestionnaire = { id: string; title: string; closesOn: Date; answered: boolean };

export async function listOpenQuestionnaires(db: PrismaClient, actor: TActorSource, now = new Date()): Promise<TOpenQuestionnaire[]> {
  if (!canActor(actorOf(actor), "questionnaires.answer")) return [];
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) return [];
  const today = new Date(`${shanghaiDateString(now)}T00:00:00Z`);
  // One statement (it is on every view of the enterprise's dashboard): the enterprise's
  // park, tags and lists decide which targets include it, in the questionnaires' own where.
  return db.$queryRaw<TOpenQuestionnaire[]>`
    SELECT q."id"::text AS "id", q."title", q."closesOn",
           EXISTS (SELECT 1 FROM "QuestionnaireResponse" r WHERE r."questionnaireId" = q."id" AND r."enterpriseId" = e."id") AS "answered"
      FROM "Enterprise" e
      JOIN "Organization" o ON o."id" = e."orgId" AND o."active"
      JOIN "Questionnaire" q ON q."status" = 'OPEN' AND q."closesOn" >= ${today}::date AND q."opensOn" <= ${today}::date
       AND (q."target" = 'ALL'
            OR (q."target" = 'PARK' AND q."targetParkId" = e."parkId")
            OR (q."target" = 'TAG' AND q."targetTag" = ANY (e."tags"))
            -- A scalar probe of KeyListMember(listId, enterpriseId) per open questionnaire: an
            -- EXISTS under OR may be planned as one hashed read of every list's members.
            OR (q."target" = 'KEY_LIST' AND (
                  SELECT true FROM "KeyListMember" m WHERE m."listId" = q."targetListId" AND m."enterpriseId" = e."id") IS TRUE))
     WHERE e."id" = ${enterpriseId}::uuid AND e."registrationStatus" = 'APPROVED'
     ORDER BY q."closesOn" ASC, q."id" ASC
     LIMIT 10`;
}
