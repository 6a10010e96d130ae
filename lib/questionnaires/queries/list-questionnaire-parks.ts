/** The parks a questionnaire may target, by name (a city has tens of them). */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function listQuestionnaireParks(db: PrismaClient): Promise<{ id: string; name: string }[]> {
  const parks = await db.park.findMany({ where: { org: { active: true } }, select: { id: true, org: { select: { name: true } } } });
  return parks.map((p) => ({ id: p.id, name: p.org.name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}
