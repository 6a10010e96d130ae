import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TJobBacklog = {
  /** Pending jobs whose time has come, counted up to `cap` + 1 (so "more than cap" shows). */
  due: number;
  /** The run time of the oldest of them; null when none is due. */
  oldestDueAt: Date | null;
};

/**
 * The due part of the job queue, for the readiness probe. Walks the (status, runAt) index
 * from its oldest due entry and stops after `cap` + 1 rows, so it costs the same on a
 * table of millions of finished jobs as on an empty one.
 */
export async function readJobBacklog(db: Pick<PrismaClient, "$queryRaw">, options: { now: Date; cap: number }): Promise<TJobBacklog> {
  const [row] = await db.$queryRaw<{ due: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS due, min(due."runAt") AS oldest
      FROM (SELECT "runAt" FROM "Job"
             WHERE status = 'PENDING'::"JobStatus" AND "runAt" <= ${options.now}
             ORDER BY "runAt"
             LIMIT ${options.cap + 1}) AS due`;
  return { due: row?.due ?? 0, oldestDueAt: row?.oldest ?? null };
}
