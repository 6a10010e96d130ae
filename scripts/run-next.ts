/**
 * Runs the Next.js CLI as a child with the database URL, forwards Ctrl-C / SIGTERM to
 * it, and when it exits runs `cleanUp` (stop PostgreSQL, drop a test database) before
 * this process exits. Used by the dev launcher and the e2e server.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

export function runNext(args: string[], env: Record<string, string>, cleanUp: () => Promise<void>): void {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const next = spawn(process.execPath, [nextBin, ...args], {
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
