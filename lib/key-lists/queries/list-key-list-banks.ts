/** The active banks a member can be moved to, by name (a city has a few hundred). */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";

export async function listKeyListBanks(db: PrismaClient): Promise<{ id: string; name: string }[]> {
  return db.organization.findMany({
    where: { kind: OrgKind.BANK, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
