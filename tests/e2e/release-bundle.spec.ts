import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/scripts/db/throwaway-database";
import { freePort, waitUntilReady } from "@/scripts/e2e/next-start";

// The production path of docs/operations.md, on the build this e2e run made: the release
// bundle (`npm run release -- --no-build`), unpacked into an empty folder with no
// node_modules above it, migrates an empty database, runs its job worker once and serves
// the portal with Node alone — and refuses to start, with exit code 78 and a message that
// names the setting, when AUTH_SECRET is missing or DATABASE_URL is malformed.

const ROOT = process.cwd();

test.describe("the release bundle", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  let work: string;
  let app: string;
  let database: TThrowawayDatabase | undefined;
  let server: ChildProcess | undefined;

  // What the service manager passes: no NODE_OPTIONS, NODE_PATH or npm settings of this run.
  const cleanEnv = (settings: Record<string, string>): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: work,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...settings,
  });
  const inApp = (command: string, args: string[], settings: Record<string, string>) =>
    spawnSync(command, args, { cwd: app, env: cleanEnv(settings), encoding: "utf8", timeout: 120_000 });

  test.beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "rongqiao-release-"));
    app = path.join(work, "app");
    mkdirSync(app);
    const release = spawnSync(process.execPath, ["--import", "tsx", "scripts/release.ts", "--no-build", "--out", path.join(work, "out")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(release.status, release.stderr).toBe(0);
    const tarball = readdirSync(path.join(work, "out")).find((f) => f.endsWith(".tar.gz"));
    expect(tarball).toBeDefined();
    expect(spawnSync("tar", ["-xzf", path.join(work, "out", tarball!), "-C", app, "--strip-components=1"]).status).toBe(0);
    database = await createThrowawayDatabase("release");
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await database?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("is unpacked where no node_modules above it could help", () => {
    for (let dir = path.dirname(app); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      expect(existsSync(path.join(dir, "node_modules")), `${dir}/node_modules`).toBe(false);
    }
    expect(existsSync(path.join(app, "node_modules", "next"))).toBe(true);
    expect(existsSync(path.join(app, "node_modules", "tsx"))).toBe(false);
  });

  test("refuses to start without AUTH_SECRET or with a malformed DATABASE_URL", () => {
    const noSecret = inApp(process.execPath, ["server.mjs", "start", "-p", "1"], { DATABASE_URL: database!.url });
    expect(noSecret.status).toBe(78);
    expect(noSecret.stderr).toContain("RongQiao will not start");
    expect(noSecret.stderr).toContain("AUTH_SECRET: is not set");

    const badUrl = inApp(process.execPath, ["server.mjs", "start", "-p", "1"], {
      DATABASE_URL: "localhost:5432/rongqiao",
      AUTH_SECRET: "s".repeat(40),
    });
    expect(badUrl.status).toBe(78);
    expect(badUrl.stderr).toContain("DATABASE_URL: must be a postgresql:// URL");

    const migrate = inApp(process.execPath, ["migrate.mjs"], { DATABASE_URL: "localhost:5432/rongqiao" });
    expect(migrate.status).toBe(78);
    expect(migrate.stderr).toContain("DATABASE_URL: must be a postgresql:// URL");
    const jobs = inApp(process.execPath, ["jobs.mjs", "--once"], {});
    expect(jobs.status).toBe(78);
    expect(jobs.stderr).toContain("DATABASE_URL: is not set");
  });

  test("migrates an empty database, runs its jobs and serves the portal", async () => {
    const migrations = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    const migrate = inApp("npm", ["run", "--silent", "db:migrate"], {
      DATABASE_URL: database!.url,
      DATABASE_OWNER_URL: database!.ownerUrl,
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain(`migrations: ${migrations} applied, 0 pending`);
    expect(migrate.stdout).toContain(`grants: the portal's role`);

    const jobs = inApp("npm", ["run", "--silent", "jobs", "--", "--once"], { DATABASE_URL: database!.url });
    expect(jobs.status, jobs.stderr).toBe(0);
    expect(jobs.stdout).toMatch(/"failed":0/);

    const port = await freePort();
    const child = spawn("npm", ["start", "--", "-p", String(port)], {
      cwd: app,
      env: cleanEnv({
        DATABASE_URL: database!.url,
        AUTH_SECRET: "r".repeat(43),
        ATTACHMENTS_DIR: path.join(work, "attachments"),
        JOBS_IN_PROCESS: "false",
      }),
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    server = child;
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/api/ready`, child, "the release bundle's server", 120_000);
    expect(await (await fetch(`${base}/api/ready`)).json()).toMatchObject({ status: "ready", migrations: { pending: 0 } });

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("融桥");
    const stylesheet = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
    expect(stylesheet).toBeDefined();
    expect((await fetch(`${base}${stylesheet}`)).status).toBe(200);
    expect((await fetch(`${base}/sign-in`)).status).toBe(200);
    expect((await fetch(`${base}/api/auth/csrf`)).status).toBe(200);
  });
});
