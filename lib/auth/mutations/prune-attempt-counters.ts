import type { Prisma } from "@/lib/generated/prisma/client";
import { KEEP_ATTEMPT_COUNTERS_MS } from "@/lib/auth/sign-in-throttle";

/** Deletes counters of windows that ended long ago (they no longer limit anything). */
export async function pruneAttemptCounters(db: Pick<Prisma.TransactionClient, "$executeRaw">, now: Date): Promise<number> {
  const before = new Date(now.getTime() - KEEP_ATTEMPT_COUNTERS_MS);
  return db.$executeRaw`DELETE FROM "AttemptCounter" WHERE "windowStart" < ${before}`;
}
