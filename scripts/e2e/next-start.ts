/**
 * The production server (scripts/server.ts start, i.e. `npm start`) as a child process that scripts can wait for and stop: the demo server
 * (screenshots, dashboard benchmark) and the city benchmark use it.
 *
 *   const server = await startNextServer({ label: "portal", env: productionEnv(url), readyPath: "/api/health" });
 *   … fetch(`${server.baseUrl}/…`) …
 *   await server.stop();
 *
 * The child runs in its own process group, so stop() ends Next.js and anything it spawned.
 * Its standard error is forwarded (prefixed with the label): page errors show up there.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { localAuthSecret } from "../auth-secret";
import { serverEntryArgs } from "../run-next";

export type TNextServer = {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
};

export type TStartNextServerOptions = {
  /** Shown before each line of the server's standard error. */
  label: string;
  /** The Next.js project folder (default: the current directory). */
  cwd?: string;
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** Polled until it answers 200. */
  readyPath: string;
  /** Default: a free one. */
  port?: number;
  /** Default 180 000 ms. */
  readyTimeoutMs?: number;
};

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What a production server of the portal needs besides the database: a fresh session
 * secret (sessions from an earlier run are then worthless, which is what a benchmark
 * wants) and no background jobs, which would change the data while it is measured.
 */
export function productionEnv(databaseUrl: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret(), JOBS_IN_PROCESS: "false" };
}

/** Polls `url` until it answers 200; fails early when `child` exits. */
export async function waitUntilReady(url: string, child: ChildProcess, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}); did you run \`npm run build\`?`);
    }
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer 200 on ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

function forwardLines(stream: NodeJS.ReadableStream, prefix: string): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) process.stderr.write(`${prefix}${line}\n`);
  });
}

export async function startNextServer(options: TStartNextServerOptions): Promise<TNextServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...serverEntryArgs(), "start", "-p", String(port)], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  if (child.stderr) forwardLines(child.stderr, `[${options.label}] `);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.label}: could not spawn next start`);

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-pid, signal);
        } catch {
          // the group is gone already
        }
      };
      signalGroup("SIGTERM");
      const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 15_000))]);
      if (timedOut) {
        signalGroup("SIGKILL");
        await exited;
      }
    })());

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${baseUrl}${options.readyPath}`, child, options.label, options.readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, pid, stop };
}
