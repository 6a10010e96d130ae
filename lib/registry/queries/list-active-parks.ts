import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TParkOption = { id: string; name: string; shortName: string | null; code: string };

/** Parks an enterprise may register in: those whose organization is active, by park code. */
export async function listActiveParks(db: PrismaClient): Promise<TParkOption[]> {
  const parks = await db.park.findMany({
    where: { org: { active: true } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, org: { select: { name: true, shortName: true } } },
  });
  return parks.map((p) => ({ id: p.id, code: p.code, name: p.org.name, shortName: p.org.shortName }));
}
