import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The most lists the builder offers: a city draws up a handful a year. */
export const KEY_LIST_CHOICES_MAX = 200;

/**
 * The key-enterprise lists a questionnaire can be sent to, newest year first: every list
 * but the drafts (a draft's members can still change; the finance office hands it over
 * first). Read by KeyList(year desc, createdAt desc, id desc).
 */
export async function listQuestionnaireKeyLists(db: PrismaClient): Promise<{ id: string; name: string }[]> {
  const lists = await db.keyList.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: KEY_LIST_CHOICES_MAX,
    select: { id: true, name: true, year: true },
  });
  return lists.map((l) => ({ id: l.id, name: `${l.year} ${l.name}` }));
}
