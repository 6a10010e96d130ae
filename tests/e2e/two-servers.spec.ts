import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { grantApplicationRole } from "@/scripts/db/database-roles";
import { migrate } from "@/scripts/db/migrate";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/scripts/db/throwaway-database";
import { productionEnv, startNextServer, type TNextServer } from "@/scripts/e2e/next-start";
import { seedIfEmpty } from "@/scripts/seed-if-empty";
import { signInAs } from "./support/auth";
import { serverActionId } from "./support/demo-data";

// Two app servers of the same build on one database, the way a deployment survives the
// loss of one: nothing a server keeps to itself may matter. A file uploaded through A
// downloads through B, a pairing changed through A shows in B's public directory at once,
// A's session cookie is valid on B, and with both servers running the job loop each
// slot's deadline scan and each notification e-mail happen once.
//
// Its own database (seeded with the demo data) rather than the shared e2e one: the job
// loops run here, and the deadline scan would escalate the demo items other specs use.

const REASON = "主联系银行机构调整，经领导小组同意";
// A minimal PDF: the upload judges files by their bytes.
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% two servers\n%%EOF\n");

let database: TThrowawayDatabase | undefined;
let servers: TNextServer[] = [];
let mailDirs: string[] = [];
// Each server's own disk, as on two machines (versions before the shared store kept
// attachments under ATTACHMENTS_DIR; both servers in one folder would share that disk).
let diskDirs: string[] = [];
let a: TNextServer;
let b: TNextServer;
let startedAt: Date;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database!.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Cookies belong to a host, not a port: a browser signed in on localhost:A sends the same
// session cookie to localhost:B, exactly as behind a load balancer.
const at = (server: TNextServer, pathname: string) => `http://localhost:${server.port}${pathname}`;

/** A browser signed in through `server`; its paths are that server's. */
async function signedInOn(browser: Browser, server: TNextServer, account: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: at(server, "") })).newPage();
  await signInAs(page, account);
  return page;
}

async function postAction(page: Page, server: TNextServer, exportedName: string, input: Record<string, string>) {
  const response = await page.request.post(at(server, "/pairings"), {
    headers: {
      "Next-Action": serverActionId("app/(portal)/pairings/actions.ts", exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([input]),
  });
  expect(response.status()).toBeLessThan(500);
  return response.text();
}

// A backlog larger than one worker's pass (20 batches of 10 jobs): both servers' first
// passes, 10 s after they start, find work, so both claim jobs side by side.
const BACKLOG_EVENTS = 260;

/** Reminders to the demo enterprise's users, each with its e-mail job, as notify() writes them. */
async function enqueueEmailBacklog(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `WITH created AS (
         INSERT INTO "Notification" (id, "userId", "orgId", kind, title, params, "dedupeKey")
         SELECT gen_random_uuid(), u.id, u."orgId", 'request.reminder', '催办通知：E2E-' || i,
                jsonb_build_object('serial', 'E2E-' || i, 'title', '两台服务器'), 'e2e.two-servers:' || i || ':' || u.id
           FROM generate_series(1, $1::int) AS i, "User" u
          WHERE u.account = 'enterprise.owner'
         RETURNING id)
       INSERT INTO "Job" (kind, payload, "dedupeKey")
       SELECT 'email.send', jsonb_build_object('notificationId', id), 'email:' || id FROM created`,
      [BACKLOG_EVENTS],
    );
  } finally {
    await client.end();
  }
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).length;
}

test.describe("two app servers on one database", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createThrowawayDatabase("two-servers");
    await migrate(database.ownerUrl);
    await grantApplicationRole(database.ownerUrl);
    // A throwaway demo database: the seed runs only in demo mode.
    process.env.DEMO_MODE = "true";
    await seedIfEmpty(database.ownerUrl);
    await enqueueEmailBacklog(database.ownerUrl);
    mailDirs = await Promise.all(["a", "b"].map((label) => mkdtemp(path.join(os.tmpdir(), `rq-two-servers-mail-${label}-`))));
    diskDirs = await Promise.all(["a", "b"].map((label) => mkdtemp(path.join(os.tmpdir(), `rq-two-servers-disk-${label}-`))));
    startedAt = new Date();
    // One AUTH_SECRET for both (a deployment's servers share it, or a cookie signed by one
    // is worthless on the other), the job loop on (the default), each server's e-mails and
    // disk in its own folder.
    const env = { ...productionEnv(database.url), JOBS_IN_PROCESS: "true" };
    const started = await Promise.allSettled(
      ["A", "B"].map((label, i) =>
        startNextServer({
          label: `server ${label}`,
          env: { ...env, MAIL_DIR: mailDirs[i]!, ATTACHMENTS_DIR: diskDirs[i]! },
          readyPath: "/api/health",
        }),
      ),
    );
    // Whichever started is stopped in afterAll, even when the other did not.
    servers = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    for (const r of started) if (r.status === "rejected") throw r.reason;
    [a, b] = servers as [TNextServer, TNextServer];
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    await Promise.all([...mailDirs, ...diskDirs].map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test("a file uploaded through A downloads through B, with A's session", async ({ browser }) => {
    const [item] = await query<{ id: string }>(
      `SELECT r.id FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId"
         JOIN "User" u ON u."orgId" = e."orgId" AND u.account = 'enterprise.owner'
        WHERE r.status IN ('DRAFT', 'RETURNED') ORDER BY r.id LIMIT 1`,
    );
    expect(item, "the demo enterprise has a draft or returned item").toBeDefined();
    const page = await signedInOn(browser, a, "enterprise.owner");

    const uploaded = await page.request.post(at(a, `/api/requests/${item!.id}/attachments`), {
      multipart: { file: { name: "两台服务器.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(uploaded.status()).toBe(201);
    const { attachment } = (await uploaded.json()) as { attachment: { id: string } };

    const downloaded = await page.request.get(at(b, `/api/attachments/${attachment.id}`));
    expect(downloaded.status()).toBe(200);
    const bytes = await downloaded.body();
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(createHash("sha256").update(PDF).digest("hex"));

    // The same session, on a page of B.
    const dashboard = await page.goto(at(b, "/enterprise"));
    expect(dashboard?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/enterprise");
    await page.context().close();
  });

  test("a pairing changed through A shows in B's public directory at once", async ({ browser }) => {
    const [target] = await query<{ parkId: string; park: string; bankOrgId: string; bank: string }>(
      `SELECT p.id AS "parkId", po.name AS park, b.id AS "bankOrgId", b.name AS bank
         FROM "Park" p JOIN "Organization" po ON po.id = p."orgId", "Organization" b
        WHERE b.kind = 'BANK' AND b."bankLevel" <> 'SUB_BRANCH' AND b.active
          AND NOT EXISTS (SELECT 1 FROM "ParkBankPairing" x WHERE x."parkId" = p.id AND x."bankOrgId" = b.id)
        ORDER BY p.code DESC, b.name LIMIT 1`,
    );
    expect(target).toBeDefined();

    // A visitor has B's directory open (on the old per-server cache, B kept this copy).
    const visitor = await (await browser.newContext()).newPage();
    expect((await visitor.goto(at(b, "/directory")))?.status()).toBe(200);
    const parkOnB = visitor.getByRole("article", { name: target!.park });
    const mainOnB = parkOnB.getByRole("listitem").filter({ hasText: "主联系银行" });
    await expect(mainOnB).not.toContainText(target!.bank);

    const admin = await signedInOn(browser, a, "finance.admin");
    const body = await postAction(admin, a, "setMainBankAction", {
      parkId: target!.parkId,
      bankOrgId: target!.bankOrgId,
      reason: REASON,
    });
    expect(body).toContain('"ok":true');

    await visitor.reload();
    await expect(mainOnB).toContainText(target!.bank, { timeout: 2_000 });
    await visitor.context().close();
    await admin.context().close();
  });

  test("with both servers running jobs, each deadline scan and each e-mail happens once", async () => {
    // The loops' first passes come 10 s after each server starts, then every 60 s.
    await expect
      .poll(async () => (await query(`SELECT 1 FROM "Job" WHERE kind = 'deadline.scan' AND status = 'DONE'`)).length, {
        timeout: 90_000,
        intervals: [1_000],
      })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await query(`SELECT 1 FROM "Job" WHERE status IN ('PENDING', 'RUNNING') AND "runAt" <= now()`)).length, {
        timeout: 90_000,
        intervals: [1_000],
      })
      .toBe(0);

    const workers = new RegExp(`^app:[^:]+:(${a.pid}|${b.pid}):`);
    const scans = await query<{ dedupeKey: string; status: string; attempts: number; lockedBy: string }>(
      `SELECT "dedupeKey", status::text AS status, attempts, "lockedBy" FROM "Job" WHERE kind = 'deadline.scan' AND "createdAt" >= $1`,
      [startedAt],
    );
    // One job per 5-minute slot since the servers started, each run once by one of them.
    const slots = Math.floor((Date.now() - startedAt.getTime()) / 300_000) + 2;
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.length).toBeLessThanOrEqual(slots);
    for (const scan of scans) {
      expect(scan).toMatchObject({ status: "DONE", attempts: 1 });
      expect(scan.lockedBy).toMatch(workers);
    }

    // The scan's notifications: one per user, kind and item, and one e-mail each. Every
    // e-mail job (the backlog too) ran once, by one of the two servers, and both servers
    // ran some.
    const duplicates = await query(
      `SELECT "userId", kind, "requestId" FROM "Notification" WHERE "createdAt" >= $1
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      [startedAt],
    );
    expect(duplicates).toEqual([]);
    const [{ n: notified }] = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Notification" WHERE "createdAt" >= $1`, [
      startedAt,
    ])) as [{ n: number }];
    expect(notified, "the deadline scan on the demo data notifies someone").toBeGreaterThan(0);
    const emails = await query<{ status: string; attempts: number; lockedBy: string }>(
      `SELECT status::text AS status, attempts, "lockedBy" FROM "Job" WHERE kind = 'email.send'`,
    );
    for (const email of emails) {
      expect(email).toMatchObject({ status: "DONE", attempts: 1 });
      expect(email.lockedBy).toMatch(workers);
    }
    const byServer = (pid: number) => [...scans, ...emails].filter((job) => job.lockedBy.includes(`:${pid}:`)).length;
    console.log(
      `two servers: jobs run by A ${byServer(a.pid)}, by B ${byServer(b.pid)} (${scans.length} deadline scans, ${emails.length} e-mails)`,
    );
    expect(emails.length).toBeGreaterThan(200);
    expect(byServer(a.pid)).toBeGreaterThan(0);
    expect(byServer(b.pid)).toBeGreaterThan(0);
    const sent = (await Promise.all(mailDirs.map(countFiles))).reduce((x, y) => x + y, 0);
    expect(sent).toBe(emails.length);
  });
});
