/**
 * One pass of a worker: housekeeping (stale locks, the periodic jobs of this slot, old
 * DONE jobs), then claim-and-run batches until nothing is due (or maxBatches). Jobs run
 * one after the other; several workers (app instances, `npm run jobs`) share the queue
 * safely through claimJobs' SKIP LOCKED. While a batch runs, a heartbeat renews the locks
 * of its unfinished jobs (the one running and those waiting their turn), so none of them
 * looks stale to another worker however long the batch takes. When `signal` aborts
 * (shutdown) the pass claims nothing more and gives back the jobs it has not started.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TJobHandlers } from "@/lib/jobs/handlers";
import { claimJobs, type TClaimedJob } from "@/lib/jobs/mutations/claim-jobs";
import { completeJob, failJob } from "@/lib/jobs/mutations/finish-job";
import { releaseJobLocks, renewJobLocks } from "@/lib/jobs/mutations/job-locks";
import { enqueuePeriodicJobs, pruneDoneJobs, releaseStaleJobs } from "@/lib/jobs/mutations/maintain-jobs";
import { pruneAttemptCounters } from "@/lib/auth/mutations/prune-attempt-counters";
import { HEARTBEAT_MS } from "@/lib/jobs/rules";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

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
  /** Default HEARTBEAT_MS. */
  heartbeatMs?: number;
  /** Aborted when the worker stops: no more claims, unstarted jobs go back to the queue. */
  signal?: AbortSignal;
  onJobError?: (job: { id: bigint; kind: string }, error: unknown) => void;
};

export type TRunJobsResult = { released: number; claimed: number; done: number; retried: number; failed: number };

const log = logger.child({ component: "jobs" });

export function newWorkerId(label = "worker"): string {
  return `${label}:${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export async function runJobsOnce(db: PrismaClient, options: TRunJobsOptions): Promise<TRunJobsResult> {
  const clock = options.clock ?? (() => new Date());
  const result: TRunJobsResult = { released: 0, claimed: 0, done: 0, retried: 0, failed: 0 };
  if (options.signal?.aborted) return result;

  result.released = await releaseStaleJobs(db, clock());
  if (options.periodic !== false) await enqueuePeriodicJobs(db, clock());
  await pruneDoneJobs(db, clock());
  await pruneAttemptCounters(db, clock());

  for (let batch = 0; batch < (options.maxBatches ?? 20) && !options.signal?.aborted; batch++) {
    const jobs = await claimJobs(db, { workerId: options.workerId, limit: options.batchSize ?? 10, now: clock() });
    if (jobs.length === 0) break;
    result.claimed += jobs.length;
    await runBatch(db, jobs, options, clock, result);
  }
  return result;
}

async function runBatch(db: PrismaClient, jobs: TClaimedJob[], options: TRunJobsOptions, clock: () => Date, result: TRunJobsResult) {
  const held = new Set(jobs.map((job) => job.id));
  const heartbeat = setInterval(() => {
    renewJobLocks(db, options.workerId, [...held], clock()).catch((error: unknown) =>
      log.warn({ err: error, workerId: options.workerId }, "job lock heartbeat failed"),
    );
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for (const job of jobs) {
      if (options.signal?.aborted) {
        const unstarted = jobs.filter((j) => held.has(j.id));
        const released = await releaseJobLocks(db, options.workerId, clock(), [...held]);
        for (const j of unstarted) metrics().jobRunsTotal.inc({ kind: j.kind, outcome: "released" });
        log.info({ workerId: options.workerId, released }, "stopping: unstarted jobs given back");
        break;
      }
      await runJob(db, job, options, clock, result);
      held.delete(job.id);
    }
  } finally {
    clearInterval(heartbeat);
  }
}

async function runJob(db: PrismaClient, job: TClaimedJob, options: TRunJobsOptions, clock: () => Date, result: TRunJobsResult) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const fields = { workerId: options.workerId, jobId: job.id.toString(), kind: job.kind, attempt: job.attempts };
  try {
    const handler = options.handlers[job.kind];
    if (!handler) throw new Error(`no handler for job kind ${JSON.stringify(job.kind)}`);
    await handler(db, job.payload, { jobId: job.id, attempts: job.attempts, now: clock() });
    const done = await completeJob(db, job.id, options.workerId, clock());
    if (done) result.done++;
    metrics().jobDuration.observe({ kind: job.kind }, seconds());
    metrics().jobRunsTotal.inc({ kind: job.kind, outcome: done ? "done" : "lost" });
    log.info({ ...fields, ms: Math.round(seconds() * 1000), outcome: done ? "done" : "lost" }, "job finished");
  } catch (error) {
    (options.onJobError ?? defaultJobErrorLog)(job, error);
    const status = await failJob(db, job, options.workerId, error, clock());
    if (status === "PENDING") result.retried++;
    else if (status === "FAILED") result.failed++;
    metrics().jobDuration.observe({ kind: job.kind }, seconds());
    metrics().jobRunsTotal.inc({ kind: job.kind, outcome: status === "PENDING" ? "retry" : status === "FAILED" ? "failed" : "lost" });
  }
}

function defaultJobErrorLog(job: TClaimedJob, error: unknown): void {
  log.error({ jobId: job.id.toString(), kind: job.kind, attempt: job.attempts, err: error }, "job failed");
}
