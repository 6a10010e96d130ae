/**
 * Items by state from the status read model (a few rows per park and bank), optionally
 * narrowed to a park. Drafts are counted like any state;
 * callers that never show drafts leave them out.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TStatusTotal = { status: RequestStatus; count: number };

export async function countRequestsByStatus(db: TDb, filter: { parkId?: string } = {}): Promise<TStatusTotal[]> {
  const park = filter.parkId === undefined ? Prisma.empty : Prisma.sql`WHERE "parkId" = ${filter.parkId}::uuid`;
  return db.$queryRaw<TStatusTotal[]>`
    SELECT status, sum(n)::int AS count FROM "RequestStatusTally" ${park}
     GROUP BY status HAVING sum(n) <> 0`;
}
