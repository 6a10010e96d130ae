/**
 * `node --import tsx scripts/crash-safety.ts` — a probe, not a test in `npm test`: does a
 * write the portal acknowledged survive PostgreSQL crashing?
 *
 * On a persistent embedded PostgreSQL with fsync, synchronous_commit and full_page_writes
 * on (the throwaway test clusters turn them off), seeded with the demo city, several
 * writers submit financing requests through the real server action (saveRequestAction,
 * as the integration tests call actions: only the session and Next's request context are
 * simulated) while PostgreSQL is stopped with `pg_ctl stop -m immediate`, restarted, then
 * its postmaster killed with `kill -9` and restarted again. The app process is never
 * restarted. Afterwards every acknowledged write (the action answered with its redirect to
 * the new item) is looked up: its row, its status and its ledger entry. Prints writes
 * acknowledged / found / lost, writes refused while the server was down, and the recovery
 * times; exits 1 when an acknowledged write is lost or the app did not recover.
 *
 * Knobs: CRASH_PHASE_SECONDS (writing time before, between and after the crashes; 5),
 * CRASH_WRITERS (concurrent writers; 4). The probe itself is
 * scripts/crash-safety/crash-safety.probe.ts.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const run = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "-c", "scripts/crash-safety/vitest.config.ts", "--silent=false"],
  { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
);
process.exit(run.status ?? 1);
