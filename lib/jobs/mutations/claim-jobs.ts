/**
 * Claims due jobs for one worker: PENDING with runAt ≤ now, oldest first. The inner
 * SELECT … FOR UPDATE SKIP LOCKED makes concurrent workers (in one process or many app
 * instances) take disjoint sets without waiting on each other; the claim counts as an
 * attempt, so a job that kills its worker cannot be retried forever.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

export type TClaimedJob = { id: bigint; kind: string; payload: Record<string, unknown>; attempts: number };

export async function claimJobs(db: TDb, options: { workerId: string; limit: number; now: Date }): Promise<TClaimedJob[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: bigint; kind: string; payload: unknown; attempts: number }>>(
    `UPDATE "Job" j
        SET status = 'RUNNING', "lockedAt" = $1::timestamptz, "startedAt" = $1::timestamptz, "lockedBy" = $2,
            attempts = j.attempts + 1
      WHERE j.id IN (
        SELECT id FROM "Job"
         WHERE status = 'PENDING' AND "runAt" <= $1::timestamptz
         ORDER BY "runAt", id
         LIMIT $3
         FOR UPDATE SKIP LOCKED
      )
      RETURNING j.id, j.kind, j.payload, j.attempts`,
    options.now.toISOString(),
    options.workerId,
    Math.max(1, Math.floor(options.limit)),
  );
  return rows
    .map((r) => ({
      id: BigInt(r.id),
      kind: r.kind,
      payload: r.payload && typeof r.payload === "object" && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : {},
      attempts: r.attempts,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
