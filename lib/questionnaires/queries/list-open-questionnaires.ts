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
  const enterprise = await db.enterprise.findFirst({
    where: { id: enterpriseId, registrationStatus: "APPROVED", org: { active: true } },
    select: { parkId: true, tags: true },
  });
  if (!enterprise) return [];
  const today = new Date(`${shanghaiDateString(now)}T00:00:00Z`);
  const rows = await db.questionnaire.findMany({
    where: {
      status: "OPEN",
      closesOn: { gte: today },
      opensOn: { lte: today },
      OR: [
        { target: "ALL" },
        { target: "PARK", targetParkId: enterprise.parkId },
        ...(enterprise.tags.length ? [{ target: "TAG" as const, targetTag: { in: enterprise.tags } }] : []),
        { target: "KEY_LIST", targetList: { members: { some: { enterpriseId } } } },
      ],
    },
    orderBy: [{ closesOn: "asc" }, { id: "asc" }],
    take: 10,
    select: { id: true, title: true, closesOn: true, responses: { where: { enterpriseId }, select: { id: true } } },
  });
  return rows.map(({ responses, ...r }) => ({ ...r, answered: responses.length > 0 }));
}
