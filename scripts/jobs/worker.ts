/**
 * `npm run jobs` — a standalone job worker (deadline scan every 5 minutes, e-mails),
 * for deployments that run it apart from the web servers (then set JOBS_IN_PROCESS=false
 * for the app). Any number of workers and app instances may run at once.
 *
 *   DATABASE_URL=postgresql://… npm run jobs [-- --interval=15 | --once]
 *   (DATABASE_URL from the environment, else from .env; in the release bundle
 *   `node jobs.mjs`, the same code compiled). Missing or malformed settings stop it with
 *   exit code 78 (lib/server/env.ts settingsProblems).
 *
 * Logs JSON lines (lib/observability/logger.ts; LOG_LEVEL). Stops cleanly on SIGINT/SIGTERM:
 * claims nothing more, lets the job in hand finish within SHUTDOWN_GRACE_MS (lib/jobs/rules.ts)
 * and otherwise gives it back to the queue for another worker.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/server/db";
import { databaseUrl, logLevel, mailSettings, EXIT_BAD_SETTINGS, settingsProblems, settingsRefusal } from "@/lib/server/env";
import { projectRootOf } from "../project-root";
import { startJobLoop } from "@/lib/jobs/job-loop";
import { newWorkerId, runJobsOnce } from "@/lib/jobs/run-jobs";
import { jobHandlers } from "@/lib/jobs/handlers";
import { logger, setLogLevel } from "@/lib/observability/logger";

const log = logger.child({ component: "jobs" });

function arg(name: string): string | undefined {
  const hit = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : (hit.split("=")[1] ?? "");
}

async function main(): Promise<void> {
  // Like db:migrate: DATABASE_URL from the environment, else from the project's .env.
  const envFile = path.join(projectRootOf(import.meta.url), ".env");
  if (!process.env.DATABASE_URL && existsSync(envFile)) process.loadEnvFile(envFile);
  const problems = settingsProblems("jobs");
  if (problems.length > 0) {
    // For the person starting it, not a log line.
    process.stderr.write(`${settingsRefusal("The job worker", problems)}\n`);
    process.exit(EXIT_BAD_SETTINGS);
  }
  setLogLevel(logLevel());
  const db = createPrismaClient(databaseUrl());
  const workerId = newWorkerId("worker");
  const handlers = jobHandlers(mailSettings());
  if (arg("once") !== undefined) {
    log.info({ workerId, ...(await runJobsOnce(db, { workerId, handlers })) }, "one pass done");
    await db.$disconnect();
    return;
  }
  const seconds = Number(arg("interval") ?? 15);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error("--interval must be a number of seconds ≥ 1");
  log.info({ workerId, intervalSeconds: seconds }, "worker polling");
  const loop = startJobLoop(() => db, {
    workerId,
    handlers,
    intervalMs: seconds * 1000,
    firstRunMs: 0,
    keepAlive: true,
    onPass: (r) => {
      if (r.claimed > 0 || r.released > 0) log.info({ workerId, ...r }, "pass done");
    },
  });
  const shutdown = async (signal: string) => {
    log.info({ workerId, signal }, "stopping");
    await loop.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "worker failed");
  process.exit(1);
});
