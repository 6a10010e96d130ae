/**
 * Adding jobs to the PostgreSQL job queue (the Job table), inside the caller's
 * transaction: a job exists only if the change that caused it committed. A dedupeKey
 * makes enqueueing idempotent (ON CONFLICT DO NOTHING).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export type TNewJob = {
  kind: string;
  payload?: Record<string, unknown>;
  dedupeKey?: string | null;
  /** Default: now. */
  runAt?: Date;
};

type TTx = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/** Returns how many jobs were added (duplicates are skipped). */
export async function enqueueJobs(tx: TTx, jobs: readonly TNewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO "Job" (kind, payload, "dedupeKey", "runAt")
     SELECT kind, payload::jsonb, "dedupeKey", COALESCE("runAt"::timestamptz, now())
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS j(kind, payload, "dedupeKey", "runAt")
     ON CONFLICT ("dedupeKey") DO NOTHING`,
    jobs.map((j) => j.kind),
    jobs.map((j) => JSON.stringify(j.payload ?? {})),
    jobs.map((j) => j.dedupeKey ?? null),
    jobs.map((j) => j.runAt?.toISOString() ?? null),
  );
}
