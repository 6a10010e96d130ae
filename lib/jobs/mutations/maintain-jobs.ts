/**
 * Housekeeping run by every worker before it claims: stale locks released, the periodic
 * jobs of the current slot enqueued (once, whatever the number of instances, thanks to
 * the dedupe key), old DONE jobs deleted.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue-jobs";
import {
  deadlineScanDedupeKey,
  deadlineScanSlot,
  KEEP_DONE_JOBS_MS,
  ledgerCheckDedupeKey,
  ledgerCheckSlot,
  MAX_ATTEMPTS,
  STALE_LOCK_MS,
} from "@/lib/jobs/rules";

type TDb = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/**
 * RUNNING jobs locked before now − STALE_LOCK_MS (their worker died or hangs) become
 * PENDING again — or FAILED if they have used all their attempts. Returns how many.
 */
export async function releaseStaleJobs(db: TDb, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "Job"
        SET status = (CASE WHEN attempts >= $2 THEN 'FAILED' ELSE 'PENDING' END)::"JobStatus",
            "finishedAt" = CASE WHEN attempts >= $2 THEN $1::timestamptz ELSE NULL END,
            "lastError" = 'lock of ' || COALESCE("lockedBy", '?') || ' expired',
            "lockedAt" = NULL, "lockedBy" = NULL
      WHERE status = 'RUNNING' AND "lockedAt" < $3::timestamptz`,
    now.toISOString(),
    MAX_ATTEMPTS,
    new Date(now.getTime() - STALE_LOCK_MS).toISOString(),
  );
}

/** The deadline scan of the current 5-minute slot and the ledger check of the current hour. Returns how many this call added. */
export async function enqueuePeriodicJobs(db: TDb, now: Date): Promise<number> {
  return enqueueJobs(db, [
    { kind: "deadline.scan", dedupeKey: deadlineScanDedupeKey(now), runAt: deadlineScanSlot(now) },
    { kind: "ledger.check", dedupeKey: ledgerCheckDedupeKey(now), runAt: ledgerCheckSlot(now) },
  ]);
}

export async function pruneDoneJobs(db: TDb, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "Job" WHERE status = 'DONE' AND "finishedAt" < $1::timestamptz`,
    new Date(now.getTime() - KEEP_DONE_JOBS_MS).toISOString(),
  );
}
