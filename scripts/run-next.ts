/**
 * Runs the portal's server (scripts/server.ts: Next.js behind the entry that stamps the
 * client's socket address) as a child with the database URL, forwards Ctrl-C / SIGTERM to
 * it, and when it exits runs `cleanUp` (stop PostgreSQL, drop a test database) before
 * this process exits. Used by the dev launcher and the e2e server.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The server entry and the Node flags it needs (tsx), for spawning it. */
export function serverEntryArgs(): string[] {
  return ["--import", "tsx", fileURLToPath(new URL("./server.ts", import.meta.url))];
}

/** `args`: "dev" or "start", then -p PORT / -H HOST. */
export function runNext(args: string[], env: Record<string, string>, cleanUp: () => Promise<void>): void {
  const next = spawn(process.execPath, [...serverEntryArgs(), ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    next.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  next.on("exit", (code) => {
    void cleanUp()
      .catch((error: unknown) => console.error("stopping:", error))
      .finally(() => process.exit(stopping ? 0 : (code ?? 1)));
  });
}
