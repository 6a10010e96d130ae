import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Counts one attempt in a throttle bucket (scope, key, window) and returns the bucket's
 * count after it: one atomic upsert, so every app server shares the count.
 */
export async function bumpAttemptCounter(db: TDb, scope: string, key: string, windowStart: Date): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "AttemptCounter" (scope, key, "windowStart", count)
    VALUES (${scope}, ${key}, ${windowStart}, 1)
    ON CONFLICT (scope, key, "windowStart") DO UPDATE SET count = "AttemptCounter".count + 1
    RETURNING count`;
  return rows[0]!.count;
}
