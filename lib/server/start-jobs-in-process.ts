/**
 * The job loop inside the Next.js server (instrumentation.ts): every 60 s, unless
 * JOBS_IN_PROCESS=false (a separate `npm run jobs` worker does it) or during `next build`.
 * Started once per process even if the dev server re-imports this module; the server
 * entry stops it on SIGTERM (job-loop-holder.ts).
 */
import { startJobLoop } from "@/lib/jobs/job-loop";
import { newWorkerId } from "@/lib/jobs/run-jobs";
import { db } from "@/lib/server/db";
import { jobsInProcess, mailSettings } from "@/lib/server/env";
import { jobHandlers } from "@/lib/jobs/handlers";
import { holdInProcessJobLoop, inProcessJobLoop } from "./job-loop-holder";

export function startJobsInProcess(): boolean {
  if (inProcessJobLoop() || !jobsInProcess()) return false;
  holdInProcessJobLoop(
    startJobLoop(db, {
      workerId: newWorkerId("app"),
      handlers: jobHandlers(mailSettings()),
      intervalMs: 60_000,
      firstRunMs: 10_000,
      keepAlive: false,
    }),
  );
  return true;
}
