/**
 * The end of one run of a claimed job. Both updates match only while the job is still
 * RUNNING under this worker's lock: a job released as stale and claimed again by another
 * worker is not finished by the first one.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { errorText, MAX_ATTEMPTS, retryDelayMs } from "@/lib/jobs/rules";

type TDb = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

export async function completeJob(db: TDb, id: bigint, workerId: string, now: Date): Promise<boolean> {
  const n = await db.$executeRawUnsafe(
    `UPDATE "Job" SET status = 'DONE', "finishedAt" = $3::timestamptz, "lastError" = NULL
      WHERE id = $1::bigint AND status = 'RUNNING' AND "lockedBy" = $2`,
    id.toString(),
    workerId,
    now.toISOString(),
  );
  return n === 1;
}

/**
 * Retry later with backoff, or FAILED once `attempts` (this run included, as claimed)
 * reaches MAX_ATTEMPTS. Returns the new status (null if the job is no longer ours).
 */
export async function failJob(
  db: TDb,
  job: { id: bigint; attempts: number },
  workerId: string,
  error: unknown,
  now: Date,
): Promise<"PENDING" | "FAILED" | null> {
  const failed = job.attempts >= MAX_ATTEMPTS;
  const rows = await db.$queryRawUnsafe<Array<{ status: "PENDING" | "FAILED" }>>(
    `UPDATE "Job"
        SET status = $3::"JobStatus", "runAt" = COALESCE($4::timestamptz, "runAt"), "finishedAt" = $5::timestamptz,
            "lockedAt" = NULL, "lockedBy" = NULL, "lastError" = $6
      WHERE id = $1::bigint AND status = 'RUNNING' AND "lockedBy" = $2
      RETURNING status::text AS status`,
    job.id.toString(),
    workerId,
    failed ? "FAILED" : "PENDING",
    failed ? null : new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(),
    failed ? now.toISOString() : null,
    errorText(error),
  );
  return rows[0]?.status ?? null;
}
