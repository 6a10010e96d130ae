/**
 * Runs runJobsOnce every `intervalMs` until stopped. A pass that throws (database down)
 * is logged and the loop carries on. With `keepAlive: false` (in the app server) the
 * timer is unref'd: the loop never keeps a process alive — tests and `next build` exit.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorText } from "@/lib/jobs/rules";
import { runJobsOnce, type TRunJobsOptions, type TRunJobsResult } from "@/lib/jobs/run-jobs";

export type TJobLoop = { stop: () => Promise<void> };

export type TJobLoopOptions = TRunJobsOptions & {
  intervalMs: number;
  /** Delay before the first pass; default: intervalMs. */
  firstRunMs?: number;
  keepAlive: boolean;
  onPass?: (result: TRunJobsResult) => void;
};

export function startJobLoop(getDb: () => PrismaClient, options: TJobLoopOptions): TJobLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(() => schedule(options.intervalMs));
    }, ms);
    if (!options.keepAlive) timer.unref();
  };

  const pass = async () => {
    try {
      const result = await runJobsOnce(getDb(), options);
      options.onPass?.(result);
    } catch (error) {
      console.error(`[jobs] pass of ${options.workerId} failed: ${errorText(error)}`);
    }
  };

  schedule(options.firstRunMs ?? options.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
