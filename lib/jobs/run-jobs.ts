/**
 * One pass of a worker: housekeeping (stale locks, the periodic jobs of this slot, old
 * DONE jobs), then claim-and-run batches until nothing is due (or maxBatches). Jobs run
 * one after the other; several workers (app instances, `npm run jobs`) share the queue
 * safely through claimJobs' SKIP LOCKED.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TJobHandlers } from "@/lib/jobs/handlers";
import { claimJobs } from "@/lib/jobs/mutations/claim-jobs";
import { completeJob, failJob } from "@/lib/jobs/mutations/finish-job";
import { enqueuePeriodicJobs, pruneDoneJobs, releaseStaleJobs } from "@/lib/jobs/mutations/maintain-jobs";
import { pruneAttemptCounters } from "@/lib/auth/mutations/prune-attempt-counters";
import { errorText } from "@/lib/jobs/rules";

export type TRunJobsOptions = {
  workerId: string;
  /** The clock (tests pass a fixed one); default: the real time at each step. */
  clock?: () => Date;
  /** What each job kind does (jobHandlers, with the mail settings of the process). */
  handlers: TJobHandlers;
  batchSize?: number;
  maxBatches?: number;
  /** Default true: enqueue this slot's deadline scan first. */
  periodic?: boolean;
  onJobError?: (job: { id: bigint; kind: string }, error: unknown) => void;
};

export type TRunJobsResult = { released: number; claimed: number; done: number; retried: number; failed: number };

export function newWorkerId(label = "worker"): string {
  return `${label}:${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export async function runJobsOnce(db: PrismaClient, options: TRunJobsOptions): Promise<TRunJobsResult> {
  const clock = options.clock ?? (() => new Date());
  const handlers = options.handlers;
  const result: TRunJobsResult = { released: 0, claimed: 0, done: 0, retried: 0, failed: 0 };

  result.released = await releaseStaleJobs(db, clock());
  if (options.periodic !== false) await enqueuePeriodicJobs(db, clock());
  await pruneDoneJobs(db, clock());
  await pruneAttemptCounters(db, clock());

  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const jobs = await claimJobs(db, { workerId: options.workerId, limit: options.batchSize ?? 10, now: clock() });
    if (jobs.length === 0) break;
    result.claimed += jobs.length;
    for (const job of jobs) {
      try {
        const handler = handlers[job.kind];
        if (!handler) throw new Error(`no handler for job kind ${JSON.stringify(job.kind)}`);
        await handler(db, job.payload, { jobId: job.id, attempts: job.attempts, now: clock() });
        if (await completeJob(db, job.id, options.workerId, clock())) result.done++;
      } catch (error) {
        (options.onJobError ?? defaultJobErrorLog)(job, error);
        const status = await failJob(db, job, options.workerId, error, clock());
        if (status === "PENDING") result.retried++;
        else if (status === "FAILED") result.failed++;
      }
    }
  }
  return result;
}

function defaultJobErrorLog(job: { id: bigint; kind: string }, error: unknown): void {
  console.error(`[jobs] job ${job.id} (${job.kind}) failed: ${errorText(error)}`);
}
