/**
 * A park's enterprises by support class and registration state, from the enterprise read
 * model (a few rows per park).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationStatus } from "@/lib/generated/prisma/enums";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TEnterpriseTotal = { supportClass: string; registrationStatus: RegistrationStatus; active: boolean; count: number };

export async function countParkEnterprises(db: TDb, parkId: string): Promise<TEnterpriseTotal[]> {
  return db.$queryRaw<TEnterpriseTotal[]>`
    SELECT "supportClass", "registrationStatus", active, sum(n)::int AS count FROM "EnterpriseTally"
     WHERE "parkId" = ${parkId}::uuid GROUP BY 1, 2, 3 HAVING sum(n) <> 0`;
}

/** Every approved enterprise in the city, active or not. */
export async function countApprovedEnterprises(db: TDb): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(n), 0)::int AS n FROM "EnterpriseTally" WHERE "registrationStatus" = 'APPROVED'`;
  return row?.n ?? 0;
}
