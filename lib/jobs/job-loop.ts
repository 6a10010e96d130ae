/**
 * Runs runJobsOnce every `intervalMs` until stopped. A pass that throws (database down)
 * is logged and the loop carries on. With `keepAlive: false` (in the app server) the
 * timer is unref'd: the loop never keeps a process alive — tests and `next build` exit.
 *
 * stop() is the graceful shutdown (SIGTERM/SIGINT of the server or the worker): no more
 * claims, the job in hand may finish within the grace period, and if it does not, every
 * job this worker still holds goes back to the queue at once — another worker takes it
 * now instead of after the stale period.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { releaseJobLocks } from "@/lib/jobs/mutations/job-locks";
import { SHUTDOWN_GRACE_MS } from "@/lib/jobs/rules";
import { runJobsOnce, type TRunJobsOptions, type TRunJobsResult } from "@/lib/jobs/run-jobs";
import { logger } from "@/lib/observability/logger";

export type TJobLoop = {
  /** Resolves once the loop is idle: its pass finished, or its jobs were given back after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
};

export type TJobLoopOptions = Omit<TRunJobsOptions, "signal"> & {
  intervalMs: number;
  /** Delay before the first pass; default: intervalMs. */
  firstRunMs?: number;
  keepAlive: boolean;
  onPass?: (result: TRunJobsResult) => void;
};

const log = logger.child({ component: "jobs" });

export function startJobLoop(getDb: () => PrismaClient, options: TJobLoopOptions): TJobLoop {
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      running = pass().finally(() => schedule(options.intervalMs));
    }, ms);
    if (!options.keepAlive) timer.unref();
  };

  const pass = async () => {
    try {
      const result = await runJobsOnce(getDb(), { ...options, signal: stopping.signal });
      options.onPass?.(result);
    } catch (error) {
      log.error({ workerId: options.workerId, err: error }, "job pass failed");
    }
  };

  schedule(options.firstRunMs ?? options.intervalMs);
  return {
    async stop(graceMs = SHUTDOWN_GRACE_MS) {
      stopping.abort();
      if (timer) clearTimeout(timer);
      let graceTimer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<false>((resolve) => (graceTimer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(graceTimer);
      if (finished) return;
      const released = await releaseJobLocks(getDb(), options.workerId, (options.clock ?? (() => new Date()))()).catch((error: unknown) => {
        log.error({ workerId: options.workerId, err: error }, "could not give back the jobs in hand");
        return 0;
      });
      log.warn({ workerId: options.workerId, graceMs, released }, "job still running after the grace period: its lock was given back");
    },
  };
}
