import { readJobBacklog } from "@/lib/jobs/queries/read-job-backlog";
import { logger } from "@/lib/observability/logger";
import { readAppliedMigrations } from "@/lib/portal/queries/read-applied-migrations";
import { judgeReadiness } from "@/lib/portal/readiness";
import { defineRoute } from "@/lib/server/route";
import { db } from "@/lib/server/db";
import { readinessLimits } from "@/lib/server/env";
import { expectedMigrations } from "@/lib/server/expected-migrations";

export const dynamic = "force-dynamic";

// Readiness, for deployments and monitoring (/api/health is liveness): 200 when the
// database answers, every migration of this build is applied and the job queue is within
// bounds (lib/portal/readiness.ts), else 503 with what is wrong. Public like the health
// probe; it shows counts, never data. Three small queries, the job count bounded by its index.
export const GET = defineRoute({
  name: "ready",
  policy: "public",
  refusals: "json",
  async handler() {
    const limits = readinessLimits();
    const now = new Date();
    let expected: string[];
    try {
      expected = expectedMigrations();
    } catch (error) {
      logger.error({ err: error }, "readiness check: cannot read the migrations folder");
      return Response.json({ status: "not ready", problems: ["migrations folder unreadable"] }, { status: 503 });
    }
    let facts;
    try {
      const appliedMigrations = await readAppliedMigrations(db());
      // With migrations pending, the job table may not have its present shape yet.
      const pending = expected.some((name) => !appliedMigrations.includes(name));
      const backlog = pending ? { due: 0, oldestDueAt: null } : await readJobBacklog(db(), { now, cap: limits.maxDueJobs });
      facts = { expectedMigrations: expected, appliedMigrations, backlog, now };
    } catch (error) {
      logger.error({ err: error }, "readiness check: database unreachable");
      return Response.json({ status: "not ready", problems: ["database unreachable"] }, { status: 503 });
    }
    const readiness = judgeReadiness(facts, limits);
    const body = {
      status: readiness.ready ? "ready" : "not ready",
      problems: readiness.problems,
      migrations: { pending: readiness.pendingMigrations },
      jobs: { due: readiness.dueJobs, oldestDueSeconds: readiness.oldestDueJobSeconds },
    };
    return Response.json(body, { status: readiness.ready ? 200 : 503 });
  },
});
