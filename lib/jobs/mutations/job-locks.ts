/**
 * A worker's hold on the jobs it claimed. While it runs them a heartbeat renews their
 * locks, so a job that runs longer than the stale period (a deadline scan of a large city)
 * is never released as stale and taken by a second worker; at shutdown the worker gives
 * back what it has not finished. Both match only locks still held by this worker.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Stamps `now` on the locks this worker still holds among `ids`; returns how many. */
export async function renewJobLocks(db: TDb, workerId: string, ids: readonly bigint[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  return db.$executeRawUnsafe(
    `UPDATE "Job" SET "lockedAt" = $3::timestamptz
      WHERE id = ANY($1::bigint[]) AND status = 'RUNNING' AND "lockedBy" = $2`,
    ids.map(String),
    workerId,
    now.toISOString(),
  );
}

/**
 * Puts the jobs this worker holds (all of them, or those in `ids`) back in the queue, due
 * at once, for another worker. The claim's attempt is given back too: the job did not
 * fail, its worker stopped. Returns how many.
 */
export async function releaseJobLocks(db: TDb, workerId: string, now: Date, ids?: readonly bigint[]): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "Job"
        SET status = 'PENDING', "runAt" = $2::timestamptz, attempts = GREATEST(attempts - 1, 0),
            "lockedAt" = NULL, "lockedBy" = NULL, "lastError" = 'released by ' || $1 || ' at shutdown'
      WHERE status = 'RUNNING' AND "lockedBy" = $1 AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))`,
    workerId,
    now.toISOString(),
    ids ? ids.map(String) : null,
  );
}
