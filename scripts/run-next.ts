/**
 * Runs the portal's server (scripts/server.ts: Next.js behind the entry that stamps the
 * client's socket address) as a child with the database URL, forwards Ctrl-C / SIGTERM to
 * it, and when it exits runs `cleanUp` (stop PostgreSQL, drop a test database) before
 * this process exits. Used by the dev launcher and the e2e server.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The young generation's semi-space, in MB. A page view allocates several MB of short-lived
 * objects (React's render, the flight payload, query results); with Node's default 16 MB
 * the server stops for a scavenge every few views and promotes objects still in flight.
 * At 64 MB the city benchmark's dashboards served about a third more views per second
 * under 50 connections, for at most about 100 MB more memory. `npm start` passes the same.
 */
export const SEMI_SPACE_MB = 64;

/** The server entry and the Node flags it runs with (tsx, the semi-space), for spawning it. */
export function serverEntryArgs(): string[] {
  return [`--max-semi-space-size=${SEMI_SPACE_MB}`, "--import", "tsx", fileURLToPath(new URL("./server.ts", import.meta.url))];
}

/**
 * `args`: "dev" or "start", then -p PORT / -H HOST. With `logFile`, the server's standard
 * output and error are also written to that file (the e2e run's log-privacy check reads it).
 */
export function runNext(args: string[], env: Record<string, string>, cleanUp: () => Promise<void>, logFile?: string): void {
  const next = spawn(process.execPath, [...serverEntryArgs(), ...args], {
    stdio: logFile ? ["inherit", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (logFile) {
    const file = createWriteStream(logFile, { flags: "w", mode: 0o600 });
    next.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      file.write(chunk);
    });
    next.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      file.write(chunk);
    });
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  // "close", not "exit": the pipes to the log file are drained by then.
  next.on("close", (code) => {
    void cleanUp()
      .catch((error: unknown) => console.error("stopping:", error))
      .finally(() => process.exit(stopping ? 0 : (code ?? 1)));
  });
}
