import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, databaseUrl, withClient, type FreshDatabase } from "./harness";

// The route reads DATABASE_URL and its limits through lib/server/env.ts and keeps one
// client per process: reload both for each case. Each case has its own database, so jobs
// other test files leave behind in the shared one cannot change the answer.
async function askReady(url: string, env: Record<string, string> = {}) {
  process.env.DATABASE_URL = url;
  Object.assign(process.env, env);
  delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
  vi.resetModules();
  const { GET } = await import("@/app/api/ready/route");
  const response = await GET(new Request("http://localhost/api/ready"));
  return {
    status: response.status,
    body: (await response.json()) as { status: string; problems: string[]; migrations: { pending: number }; jobs: { due: number } },
  };
}

describe("GET /api/ready", () => {
  let migrated: FreshDatabase;
  let empty: FreshDatabase;

  beforeAll(async () => {
    migrated = await createFreshDatabase("ready");
    empty = await createFreshDatabase("ready_empty");
    await migrate(migrated.url, { onLog: () => {} });
  });

  afterEach(async () => {
    process.env.DATABASE_URL = databaseUrl();
    delete process.env.READY_MAX_JOB_DELAY_SECONDS;
    delete process.env.READY_MAX_DUE_JOBS;
    await withClient(migrated.url, (c) => c.query(`DELETE FROM "Job"`));
  });

  afterAll(async () => {
    await migrated?.drop();
    await empty?.drop();
  });

  it("answers 200 on a migrated database with no due jobs", async () => {
    const { status, body } = await askReady(migrated.url);
    expect(body).toMatchObject({ status: "ready", problems: [], migrations: { pending: 0 }, jobs: { due: 0 } });
    expect(status).toBe(200);
  });

  it("answers 503 when migrations are pending", async () => {
    const { status, body } = await askReady(empty.url);
    expect(status).toBe(503);
    expect(body.migrations.pending).toBeGreaterThan(0);
    expect(body.problems.join()).toMatch(/not applied: run db:migrate/);
  });

  it("answers 503 when the oldest due job has waited too long, or too many are due", async () => {
    await withClient(migrated.url, (c) =>
      c.query(`INSERT INTO "Job" (kind, "runAt") SELECT 'deadline.scan', now() - interval '20 minutes' FROM generate_series(1, 3)`),
    );
    const late = await askReady(migrated.url);
    expect(late.status).toBe(503);
    expect(late.body.problems.join()).toMatch(/oldest due job has waited/);

    const crowded = await askReady(migrated.url, { READY_MAX_JOB_DELAY_SECONDS: "3600", READY_MAX_DUE_JOBS: "2" });
    expect(crowded.status).toBe(503);
    expect(crowded.body.jobs.due).toBe(3); // counted up to the limit + 1, no further
    expect(crowded.body.problems).toEqual(["more than 2 jobs are due"]);

    delete process.env.READY_MAX_DUE_JOBS;
    const relaxed = await askReady(migrated.url, { READY_MAX_JOB_DELAY_SECONDS: "3600" });
    expect(relaxed.status).toBe(200);
  });

  it("counts due jobs along the (status, runAt) index, not by scanning the table", async () => {
    const plan = await withClient(migrated.url, async (c) => {
      await c.query("SET enable_seqscan = off");
      const { rows } = await c.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT count(*) FROM (SELECT "runAt" FROM "Job" WHERE status = 'PENDING'::"JobStatus" AND "runAt" <= now() ORDER BY "runAt" LIMIT 1001) t`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index (Only )?Scan using "Job_status_runAt_idx"/);
  });
});
