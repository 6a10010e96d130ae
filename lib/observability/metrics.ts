/**
 * The Prometheus registry of the process (prom-client), served by /api/metrics. Counters
 * and histograms are kept by the code that does the work (the server entry, the action and
 * route wrappers, the job runner); the job queue's and the ledger's state are gauges set
 * from the database when the endpoint is scraped (lib/jobs/queries/read-job-queue-stats.ts),
 * so every app instance reports the same queue whichever process ran the jobs.
 * Kept on globalThis: the server entry and Next's bundle of this module are two copies.
 * Labels are closed sets (kinds, names from the code, status codes), never ids or paths.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rongqiao_" });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "rongqiao_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, by kind (page, action, api, static), method and status.",
      labelNames: ["kind", "method", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpRequestsWaiting: new Gauge({
      name: "rongqiao_http_requests_waiting",
      help: "Requests waiting at this process's render gate for their turn (MAX_CONCURRENT_RENDERS at a time are prepared).",
      registers,
    }),
    actionsTotal: new Counter({
      name: "rongqiao_actions_total",
      help: "Server actions and route handlers run, by name and outcome (ok, an error code, or error).",
      labelNames: ["action", "outcome"] as const,
      registers,
    }),
    renderErrorsTotal: new Counter({
      name: "rongqiao_render_errors_total",
      help: "Errors thrown while Next rendered a page or ran a route or action, by route type and whether the status had already been sent (streamed).",
      labelNames: ["route_type", "streamed"] as const,
      registers,
    }),
    jobRunsTotal: new Counter({
      name: "rongqiao_job_runs_total",
      help: "Job runs in this process, by kind and outcome (done, retry, failed, released).",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "rongqiao_job_duration_seconds",
      help: "How long a job's handler ran in this process, by kind (deadline.scan is the deadline scan).",
      labelNames: ["kind"] as const,
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900],
      registers,
    }),
    ledgerCheckEntriesTotal: new Counter({
      name: "rongqiao_ledger_check_entries_total",
      help: "Ledger entries whose hash the integrity check verified in this process.",
      registers,
    }),
    ledgerCheckNewIssuesTotal: new Counter({
      name: "rongqiao_ledger_check_new_issues_total",
      help: "New ledger integrity breaks the check recorded in this process.",
      registers,
    }),
    jobQueueDepth: new Gauge({
      name: "rongqiao_job_queue_depth",
      help: "PENDING jobs due now (runAt in the past), at scrape time.",
      registers,
    }),
    oldestDueJobAge: new Gauge({
      name: "rongqiao_job_oldest_due_age_seconds",
      help: "Age of the oldest PENDING job that is due (0 when none), at scrape time.",
      registers,
    }),
    jobsRunning: new Gauge({
      name: "rongqiao_jobs_running",
      help: "RUNNING jobs (claimed by a worker), at scrape time.",
      registers,
    }),
    failedJobs: new Gauge({
      name: "rongqiao_jobs_failed",
      help: "FAILED jobs (all attempts used) waiting for an administrator's retry, at scrape time.",
      registers,
    }),
    deadlineScanLastDuration: new Gauge({
      name: "rongqiao_deadline_scan_last_duration_seconds",
      help: "Duration of the latest finished deadline scan (any worker), at scrape time; absent when none finished lately.",
      registers,
    }),
    deadlineScanLastAge: new Gauge({
      name: "rongqiao_deadline_scan_last_finished_age_seconds",
      help: "Time since the latest finished deadline scan (any worker), at scrape time.",
      registers,
    }),
    ledgerIntegrityIssues: new Gauge({
      name: "rongqiao_ledger_integrity_issues",
      help: "Ledger integrity breaks on record (each found by the hourly check), at scrape time.",
      registers,
    }),
    ledgerLastCheckAge: new Gauge({
      name: "rongqiao_ledger_check_last_age_seconds",
      help: "Time since the ledger integrity check last ran to its end, at scrape time.",
      registers,
    }),
  };
}

export type TMetrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { rongqiaoMetrics?: TMetrics };

export function metrics(): TMetrics {
  holder.rongqiaoMetrics ??= createMetrics();
  return holder.rongqiaoMetrics;
}
