/**
 * The PostgreSQL job queue (lib/jobs) with two workers — two PrismaClients, two pools,
 * running at the same time on the same database: every due job runs exactly once, the
 * deadline scan of a 5-minute slot is enqueued once and runs once, every notification is
 * created once and every e-mail is written once (file transport into a temp folder).
 * Also: two scans at once change each item once; failures retry with backoff and end
 * FAILED after 5 attempts; a stale RUNNING job is taken over.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { jobHandlers, type TJobHandlers } from "@/lib/jobs/handlers";
import { enqueueJobs } from "@/lib/jobs/mutations/enqueue-jobs";
import { startJobLoop } from "@/lib/jobs/job-loop";
import { retryFailedJob } from "@/lib/jobs/mutations/retry-failed-job";
import { listFailedJobs } from "@/lib/jobs/queries/list-failed-jobs";
import { deadlineScanDedupeKey, STALE_LOCK_MS } from "@/lib/jobs/rules";
import { runJobsOnce } from "@/lib/jobs/run-jobs";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { createRequest, createWorld, migratedDatabase, type TWorld } from "./deadline-fixtures";
import type { FreshDatabase } from "./harness";

const DAY_MS = 86_400_000;

let db: FreshDatabase;
let prisma: PrismaClient;
let workerA: PrismaClient;
let workerB: PrismaClient;
let w: TWorld;
let mailDir: string;

beforeAll(async () => {
  let client: () => PrismaClient;
  ({ db, prisma, client } = await migratedDatabase("jobs"));
  workerA = client();
  workerB = client();
  w = await createWorld(prisma);
  mailDir = await mkdtemp(path.join(tmpdir(), "rq-mail-"));
});

afterAll(async () => {
  await Promise.all([prisma?.$disconnect(), workerA?.$disconnect(), workerB?.$disconnect()]);
  await db?.drop();
  if (mailDir) await rm(mailDir, { recursive: true, force: true });
});

/** The default handlers, recording which job ran in which worker. */
function recording(runs: Array<{ worker: string; jobId: bigint; kind: string }>, worker: string): TJobHandlers {
  return Object.fromEntries(
    Object.entries(
      jobHandlers({ config: { transport: "file", dir: mailDir, from: "融桥 RongQiao <no-reply@rongqiao.local>" }, baseUrl: null }),
    ).map(([kind, handler]) => [
      kind,
      async (...args: Parameters<typeof handler>) => {
        runs.push({ worker, jobId: args[2].jobId, kind });
        return handler(...args);
      },
    ]),
  );
}

async function overdueItems(count: number, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await createRequest(prisma, w, {
        status: i % 2 ? "SIGNED" : "FORWARDED",
        forwardedAt: new Date(now.getTime() - 20 * DAY_MS),
        dueAt: new Date(now.getTime() - 10 * DAY_MS),
      }),
    );
  }
  return ids;
}

describe("job queue with two workers", () => {
  it("two scans at once escalate each overdue item once and notify each user once", async () => {
    const now = new Date();
    const ids = await overdueItems(12, now);
    await Promise.all([
      scanDeadlines(workerA, { now }),
      scanDeadlines(workerB, { now }),
      scanDeadlines(workerA, { now }),
      scanDeadlines(workerB, { now }),
    ]);

    const escalations = await prisma.ledgerEntry.groupBy({
      by: ["requestId"],
      where: { requestId: { in: ids }, action: "ESCALATE" },
      _count: true,
    });
    expect(escalations).toHaveLength(12);
    expect(escalations.every((e) => e._count === 1)).toBe(true);
    const versions = await prisma.request.findMany({ where: { id: { in: ids } }, select: { status: true, version: true } });
    expect(versions.every((r) => r.status === "ESCALATED" && r.version === 1)).toBe(true);
    // Red: 2 bank users; escalated: finance, central bank and 2 bank users — per item.
    expect(await prisma.notification.count({ where: { requestId: { in: ids }, kind: "request.red" } })).toBe(12 * 2);
    expect(await prisma.notification.count({ where: { requestId: { in: ids }, kind: "request.escalated" } })).toBe(12 * 4);
  });

  it("run every due job exactly once: one deadline scan per slot, each notification and each e-mail once", async () => {
    // A fixed clock a little ahead, so that the e-mail jobs the scan enqueues (runAt =
    // the database's now()) are due, and both workers see the same 5-minute slot.
    const now = new Date(Date.now() + 120_000);
    const clock = () => now;
    const ids = await overdueItems(10, now);
    // Some jobs due before the workers start (the previous test's e-mails are due too).
    await enqueueJobs(prisma, [{ kind: "deadline.scan", dedupeKey: deadlineScanDedupeKey(now), runAt: now }]);

    const runs: Array<{ worker: string; jobId: bigint; kind: string }> = [];
    // Several rounds: e-mail jobs appear while the scan runs in one of the workers.
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        runJobsOnce(workerA, { workerId: "A", clock, handlers: recording(runs, "A"), batchSize: 3 }),
        runJobsOnce(workerB, { workerId: "B", clock, handlers: recording(runs, "B"), batchSize: 3 }),
      ]);
    }

    // No job ran twice, and both workers did some of the work.
    const jobIds = runs.map((r) => r.jobId.toString());
    expect(new Set(jobIds).size).toBe(jobIds.length);
    expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(["A", "B"]));
    const jobs = await prisma.job.findMany();
    expect(jobs.filter((j) => j.status !== "DONE")).toEqual([]);
    expect(runs).toHaveLength(jobs.length);
    // One scan per slot although both workers enqueued it.
    expect(jobs.filter((j) => j.kind === "deadline.scan").map((j) => j.dedupeKey)).toEqual([deadlineScanDedupeKey(now)]);

    const escalated = await prisma.request.count({ where: { id: { in: ids }, status: "ESCALATED" } });
    expect(escalated).toBe(10);
    expect(await prisma.notification.count({ where: { requestId: { in: ids }, kind: "request.escalated" } })).toBe(10 * 4);

    // One e-mail job and one .eml file per notification, named by its id.
    const notifications = await prisma.notification.findMany({ select: { id: true, user: { select: { email: true } } } });
    expect(notifications.length).toBeGreaterThan(0);
    expect(jobs.filter((j) => j.kind === "email.send")).toHaveLength(notifications.length);
    const files = (await readdir(mailDir)).sort();
    expect(files).toEqual(notifications.map((n) => `${n.id}.eml`).sort());
    const sample = await readFile(path.join(mailDir, files[0]!), "utf8");
    expect(sample).toMatch(/^To: .*@example\.test$/m);
    expect(sample).toMatch(/^Subject: /m);
  });

  it("retries a failing job with backoff and marks it FAILED after 5 attempts", async () => {
    const start = new Date(Date.now() + 3_600_000);
    await enqueueJobs(prisma, [{ kind: "test.fail", dedupeKey: "test.fail:1", runAt: start }]);
    const failing: TJobHandlers = { "test.fail": async () => Promise.reject(new Error("SMTP 451 try later")) };
    const quiet = () => {};

    let clock = start;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await runJobsOnce(workerA, {
        workerId: "A",
        clock: () => clock,
        handlers: failing,
        periodic: false,
        onJobError: quiet,
      });
      const job = await prisma.job.findUniqueOrThrow({ where: { dedupeKey: "test.fail:1" } });
      expect(job.attempts).toBe(attempt);
      expect(job.lastError).toBe("Error: SMTP 451 try later");
      if (attempt < 5) {
        expect(result).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
        expect(job.status).toBe("PENDING");
        expect(job.runAt.getTime()).toBeGreaterThan(clock.getTime());
        // Not before its time …
        expect((await runJobsOnce(workerB, { workerId: "B", clock: () => clock, handlers: failing, periodic: false })).claimed).toBe(0);
        clock = job.runAt; // … but at it.
      } else {
        expect(result).toMatchObject({ claimed: 1, failed: 1 });
        expect(job.status).toBe("FAILED");
      }
    }
  });

  it("takes over a RUNNING job whose worker stopped answering 10 minutes ago", async () => {
    const now = new Date();
    await prisma.job.create({
      data: {
        kind: "test.ok",
        dedupeKey: "test.stale:1",
        status: "RUNNING",
        attempts: 1,
        lockedBy: "dead",
        lockedAt: new Date(now.getTime() - 11 * 60_000),
        runAt: new Date(now.getTime() - 11 * 60_000),
      },
    });
    await prisma.job.create({
      data: {
        kind: "test.ok",
        dedupeKey: "test.busy:1",
        status: "RUNNING",
        attempts: 1,
        lockedBy: "alive",
        lockedAt: new Date(now.getTime() - 60_000),
        runAt: new Date(now.getTime() - 60_000),
      },
    });
    const ran: string[] = [];
    const result = await runJobsOnce(workerB, {
      workerId: "B",
      clock: () => now,
      periodic: false,
      handlers: { "test.ok": async (_db, _p, ctx) => void ran.push(ctx.jobId.toString()) },
    });
    expect(result.released).toBe(1);
    expect(ran).toHaveLength(1);
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: "test.stale:1" } })).toMatchObject({
      status: "DONE",
      attempts: 2,
      lockedBy: "B",
    });
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: "test.busy:1" } })).toMatchObject({
      status: "RUNNING",
      lockedBy: "alive",
    });
  });
});

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("long jobs and stopping workers", () => {
  it("a heartbeat keeps a long job and the jobs queued behind it from being taken over as stale", async () => {
    await prisma.job.deleteMany();
    await enqueueJobs(prisma, [
      { kind: "test.slow", dedupeKey: "test.slow:1" },
      { kind: "test.slow", dedupeKey: "test.slow:2" },
    ]);
    // Worker A's clock jumps past the stale period while its first job runs, as if the job
    // ran for longer than that; B looks at the queue at that same later time.
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const started = gate();
    const finish = gate();
    const ran: string[] = [];
    const slow: TJobHandlers = {
      "test.slow": async (_db, _p, ctx) => {
        ran.push(`A:${ctx.jobId}`);
        started.open();
        await finish.promise;
      },
    };
    const passA = runJobsOnce(workerA, { workerId: "A", clock, periodic: false, heartbeatMs: 50, handlers: slow });
    await started.promise;
    offset = STALE_LOCK_MS + 60_000;
    await sleep(300); // several heartbeats
    const resultB = await runJobsOnce(workerB, {
      workerId: "B",
      clock,
      periodic: false,
      handlers: { "test.slow": async (_db, _p, ctx) => void ran.push(`B:${ctx.jobId}`) },
    });
    expect(resultB).toMatchObject({ released: 0, claimed: 0 });
    finish.open();
    expect(await passA).toMatchObject({ claimed: 2, done: 2 });
    expect(ran.filter((r) => r.startsWith("B:"))).toEqual([]);
    expect(ran).toHaveLength(2);
  });

  it("on stop, gives back the job in hand after the grace period and the unstarted ones at once", async () => {
    await prisma.job.deleteMany();
    await enqueueJobs(
      prisma,
      [1, 2, 3].map((n) => ({ kind: "test.stuck", dedupeKey: `test.stuck:${n}` })),
    );
    const started = gate();
    const never = gate();
    const loop = startJobLoop(() => workerA, {
      workerId: "A",
      periodic: false,
      intervalMs: 60_000,
      firstRunMs: 0,
      keepAlive: false,
      handlers: {
        "test.stuck": async () => {
          started.open();
          await never.promise;
        },
      },
    });
    await started.promise;
    const before = Date.now();
    await loop.stop(300);
    expect(Date.now() - before).toBeLessThan(5_000);
    const jobs = await prisma.job.findMany({ where: { kind: "test.stuck" }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => [j.status, j.lockedBy, j.attempts])).toEqual([
      ["PENDING", null, 0],
      ["PENDING", null, 0],
      ["PENDING", null, 0],
    ]);
    // Another worker takes them now, not after the stale period.
    const ran: bigint[] = [];
    const resultB = await runJobsOnce(workerB, {
      workerId: "B",
      periodic: false,
      handlers: { "test.stuck": async (_db, _p, ctx) => void ran.push(ctx.jobId) },
    });
    expect(resultB).toMatchObject({ claimed: 3, done: 3 });
    never.open();
  });

  it("on stop, lets the job in hand finish within the grace period and runs no other", async () => {
    await prisma.job.deleteMany();
    await enqueueJobs(
      prisma,
      [1, 2, 3].map((n) => ({ kind: "test.short", dedupeKey: `test.short:${n}` })),
    );
    const started = gate();
    const release = gate();
    let runs = 0;
    const loop = startJobLoop(() => workerA, {
      workerId: "A",
      periodic: false,
      intervalMs: 60_000,
      firstRunMs: 0,
      keepAlive: false,
      handlers: {
        "test.short": async () => {
          runs++;
          started.open();
          await release.promise;
        },
      },
    });
    await started.promise;
    const stopped = loop.stop(10_000);
    await sleep(100);
    release.open();
    await stopped;
    expect(runs).toBe(1);
    const jobs = await prisma.job.findMany({ where: { kind: "test.short" }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => [j.status, j.lockedBy])).toEqual([
      ["DONE", "A"],
      ["PENDING", null],
      ["PENDING", null],
    ]);
  });
});

describe("failed jobs and their retry", () => {
  it("lists FAILED jobs and puts one back in the queue with fresh attempts, audited; a second retry finds nothing", async () => {
    await prisma.job.deleteMany();
    const admin = await prisma.user.create({
      data: { orgId: w.financeOrgId, role: "FINANCE_ADMIN", account: `jobs.admin.${w.tag}`, name: "管理员" },
      select: { id: true },
    });
    const actor = { userId: admin.id, role: "FINANCE_ADMIN" as const, orgId: w.financeOrgId, orgKind: "FINANCE_OFFICE" as const };
    const job = await prisma.job.create({
      data: { kind: "email.send", status: "FAILED", attempts: 5, lastError: "Error: SMTP 550", finishedAt: new Date() },
    });
    await prisma.job.create({ data: { kind: "email.send", status: "DONE", attempts: 1, finishedAt: new Date() } });

    const listed = await listFailedJobs(prisma);
    expect(listed.total).toBe(1);
    expect(listed.rows.map((r) => [r.id, r.kind, r.attempts, r.lastError])).toEqual([
      [job.id.toString(), "email.send", 5, "Error: SMTP 550"],
    ]);

    await retryFailedJob(prisma, actor, job.id, { ip: "127.0.0.1", userAgent: "jobs-test" });
    const retried = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(retried).toMatchObject({ status: "PENDING", attempts: 0, finishedAt: null });
    expect(retried.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await listFailedJobs(prisma)).total).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "jobs.retry", targetId: job.id.toString(), actorUserId: admin.id } })).toBe(1);

    await expect(retryFailedJob(prisma, actor, job.id, { ip: null, userAgent: null })).rejects.toMatchObject({ code: "notFound" });
  });
});
