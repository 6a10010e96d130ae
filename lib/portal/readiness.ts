/**
 * Whether a server should take traffic (GET /api/ready): the database answered, every
 * migration this build ships is applied, and the job queue is being worked off (not too
 * many due jobs, none waiting too long). Pure: the route gathers the facts.
 */
import type { TJobBacklog } from "@/lib/jobs/queries/read-job-backlog";

export type TReadinessLimits = { maxDueJobs: number; maxJobDelaySeconds: number };

export type TReadinessFacts = { expectedMigrations: string[]; appliedMigrations: string[]; backlog: TJobBacklog; now: Date };

export type TReadiness = {
  ready: boolean;
  /** What is wrong, one short English line each (for operators; no data from the database). */
  problems: string[];
  pendingMigrations: number;
  dueJobs: number;
  oldestDueJobSeconds: number;
};

export function judgeReadiness(facts: TReadinessFacts, limits: TReadinessLimits): TReadiness {
  const applied = new Set(facts.appliedMigrations);
  const pendingMigrations = facts.expectedMigrations.filter((name) => !applied.has(name)).length;
  const oldest = facts.backlog.oldestDueAt;
  const oldestDueJobSeconds = oldest ? Math.max(0, Math.floor((facts.now.getTime() - oldest.getTime()) / 1000)) : 0;
  const problems: string[] = [];
  if (pendingMigrations > 0) problems.push(`${pendingMigrations} migration(s) not applied: run db:migrate`);
  if (facts.backlog.due > limits.maxDueJobs) problems.push(`more than ${limits.maxDueJobs} jobs are due`);
  if (oldestDueJobSeconds > limits.maxJobDelaySeconds) {
    problems.push(
      `the oldest due job has waited ${oldestDueJobSeconds} s (limit ${limits.maxJobDelaySeconds} s): is a job worker running?`,
    );
  }
  return { ready: problems.length === 0, problems, pendingMigrations, dueJobs: facts.backlog.due, oldestDueJobSeconds };
}
