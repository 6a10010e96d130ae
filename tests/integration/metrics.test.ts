/**
 * GET /api/metrics: refused (404) without METRICS_TOKEN or with a wrong bearer token; with
 * it, Prometheus text whose job-queue and ledger gauges are read from the database at
 * scrape time.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deadlineScanDedupeKey } from "@/lib/jobs/rules";
import { migratedDatabase } from "./deadline-fixtures";
import { databaseUrl, type FreshDatabase } from "./harness";

const TOKEN = "m".repeat(40);
let db: FreshDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  ({ db, prisma } = await migratedDatabase("metrics"));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await (globalThis as { rongqiaoDb?: PrismaClient }).rongqiaoDb?.$disconnect();
  delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
  await db?.drop();
});

afterEach(() => {
  process.env.DATABASE_URL = databaseUrl();
  delete process.env.METRICS_TOKEN;
});

async function scrape(token: string | undefined, header: string | null): Promise<Response> {
  process.env.DATABASE_URL = db.url;
  if (token) process.env.METRICS_TOKEN = token;
  else delete process.env.METRICS_TOKEN;
  delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
  vi.resetModules();
  const { GET } = await import("@/app/api/metrics/route");
  return GET(new Request("http://localhost/api/metrics", { headers: header ? { authorization: header } : {} }));
}

function value(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`${name} not in the metrics`);
  return Number(line.split(" ")[1]);
}

describe("GET /api/metrics", () => {
  it("does not exist without a configured token, or for a wrong one", async () => {
    expect((await scrape(undefined, `Bearer ${TOKEN}`)).status).toBe(404);
    expect((await scrape(TOKEN, null)).status).toBe(404);
    expect((await scrape(TOKEN, `Bearer ${"x".repeat(40)}`)).status).toBe(404);
    expect((await scrape(TOKEN, `Bearer ${TOKEN.slice(1)}`)).status).toBe(404);
  });

  it("reports the queue depth, the oldest due job's age, failed jobs, the last deadline scan and ledger issues", async () => {
    const now = Date.now();
    await prisma.job.createMany({
      data: [
        { kind: "email.send", runAt: new Date(now - 120_000) },
        { kind: "email.send", runAt: new Date(now - 5_000) },
        { kind: "email.send", runAt: new Date(now + 3_600_000) }, // not due yet
        { kind: "email.send", status: "FAILED", attempts: 5, lastError: "Error: SMTP 550", finishedAt: new Date(now) },
        {
          kind: "deadline.scan",
          dedupeKey: deadlineScanDedupeKey(new Date(now)),
          status: "DONE",
          startedAt: new Date(now - 60_000),
          finishedAt: new Date(now - 18_000),
        },
      ],
    });
    const response = await scrape(TOKEN, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(value(text, "rongqiao_job_queue_depth")).toBe(2);
    expect(value(text, "rongqiao_job_oldest_due_age_seconds")).toBeGreaterThanOrEqual(119);
    expect(value(text, "rongqiao_jobs_failed")).toBe(1);
    expect(value(text, "rongqiao_jobs_running")).toBe(0);
    expect(value(text, "rongqiao_deadline_scan_last_duration_seconds")).toBeCloseTo(42, 3);
    expect(value(text, "rongqiao_ledger_integrity_issues")).toBe(0);
    for (const name of [
      "rongqiao_http_request_duration_seconds",
      "rongqiao_actions_total",
      "rongqiao_job_runs_total",
      "rongqiao_process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
