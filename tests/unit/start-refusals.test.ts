/**
 * The repository's own commands refuse to start on missing or malformed settings, before
 * they touch the database or load Next.js: `npm start` (scripts/server.ts), `npm run jobs`
 * and `npm run db:migrate`. Each runs in an empty temporary folder, so no .env file of the
 * machine running the tests can fill in what the test leaves out. (The release bundle's
 * compiled commands are checked in tests/e2e/release-bundle.spec.ts.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT_BAD_SETTINGS } from "@/lib/server/env";

const ROOT = process.cwd();
const emptyDir = mkdtempSync(path.join(os.tmpdir(), "rongqiao-start-"));
// tsx from this checkout: `--import tsx` would look for it in the empty folder.
const TSX = pathToFileURL(path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const GOOD_URL = "postgresql://rongqiao_app:pw@127.0.0.1:1/rongqiao";

function run(script: string, args: string[], settings: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", TSX, path.join(ROOT, script), ...args], {
    cwd: emptyDir,
    // TSX_TSCONFIG_PATH: the "@/…" imports resolve through this checkout's tsconfig.json.
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: emptyDir,
      NODE_ENV: "production",
      TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"),
      ...settings,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Each case starts Node with tsx: seconds each on a busy machine.
describe("a command with missing or malformed settings", { timeout: 60_000 }, () => {
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it("npm start without AUTH_SECRET exits 78 and names it", () => {
    const result = run("scripts/server.ts", ["start", "-p", "1"], { DATABASE_URL: GOOD_URL });
    expect(result.stderr).toContain("RongQiao will not start");
    expect(result.stderr).toContain("AUTH_SECRET: is not set");
    expect(result.status).toBe(EXIT_BAD_SETTINGS);
  });

  it("npm start with a malformed DATABASE_URL or mail setting exits 78 and names them", () => {
    const result = run("scripts/server.ts", ["start", "-p", "1"], {
      DATABASE_URL: "127.0.0.1:5432/rongqiao",
      AUTH_SECRET: "s".repeat(40),
      SMTP_URL: "mail.example.gov.cn",
    });
    expect(result.stderr).toContain("DATABASE_URL: must be a postgresql:// URL");
    expect(result.stderr).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
    expect(result.status).toBe(EXIT_BAD_SETTINGS);
  });

  it("npm start with a half-configured or unknown attachment store exits 78 and says what is missing", () => {
    const base = { DATABASE_URL: GOOD_URL, AUTH_SECRET: "s".repeat(40) };
    const s3 = run("scripts/server.ts", ["start", "-p", "1"], { ...base, ATTACHMENT_STORE: "s3", S3_ENDPOINT: "http://127.0.0.1:9000" });
    expect(s3.stderr).toContain("S3_BUCKET");
    expect(s3.stderr).toContain("S3_ACCESS_KEY_ID");
    expect(s3.status).toBe(EXIT_BAD_SETTINGS);
    const unknown = run("scripts/server.ts", ["start", "-p", "1"], { ...base, ATTACHMENT_STORE: "disk" });
    expect(unknown.stderr).toContain('ATTACHMENT_STORE: must be "postgres" or "s3"');
    expect(unknown.status).toBe(EXIT_BAD_SETTINGS);
  });

  it("npm run jobs and npm run db:migrate exit 78 on a malformed DATABASE_URL", () => {
    const jobs = run("scripts/jobs/worker.ts", ["--once"], { DATABASE_URL: "rongqiao" });
    expect(jobs.stderr).toContain("The job worker will not start");
    expect(jobs.stderr).toContain("DATABASE_URL: must be a postgresql:// URL");
    expect(jobs.status).toBe(EXIT_BAD_SETTINGS);
    const migrate = run("scripts/db/migrate.ts", [], { DATABASE_URL: "rongqiao" });
    expect(migrate.stderr).toContain("db:migrate will not start");
    expect(migrate.status).toBe(EXIT_BAD_SETTINGS);
  });
});
