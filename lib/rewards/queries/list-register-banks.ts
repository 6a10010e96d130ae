import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";

/**
 * The banks a register entry may name: every bank paired with a park in the program in
 * any year (the banks it assesses), by name. One grouped statement over the pairings,
 * which are a few hundred rows for a city.
 */
export async function listRegisterBanks(db: PrismaClient, programId: string): Promise<Array<{ id: string; name: string }>> {
  if (!isUuid(programId)) return [];
  return db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT o.id::text AS id, o.name
      FROM "Organization" o
     WHERE o.id IN (SELECT DISTINCT p."bankOrgId" FROM "ParkBankPairing" p WHERE p."programId" = ${programId}::uuid)
     ORDER BY o.name, o.id`;
}
