/**
 * The server Playwright tests run against (playwright.config.ts → webServer):
 * a throwaway embedded PostgreSQL (or a fresh database on TEST_DATABASE_URL), migrated
 * and seeded with the demo data, behind `next start` on E2E_PORT — a production build,
 * which `npm run test:e2e` makes first. SIGTERM/SIGINT stop Next.js, then drop the
 * database and stop PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, sweepStaleClusters } from "../db/embedded-postgres";
import { formatMigrateResult, migrate } from "../db/migrate";
import { writeFileSync } from "node:fs";
import { localAuthSecret } from "../auth-secret";
import { e2eInfoFile } from "./info";
import { runNext } from "../run-next";
import { seedIfEmpty } from "../seed-if-empty";

const CLUSTER_PREFIX = "rongqiao-e2e-pg-";

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = `rq_e2e_${randomBytes(3).toString("hex")}`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    await sweepStaleClusters(os.tmpdir(), CLUSTER_PREFIX);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `${CLUSTER_PREFIX}${process.pid}`),
      persistent: false,
      log: () => {},
    });
    adminUrl = server.connectionString("postgres");
    stopServer = () => server.stop();
  }
  await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();

  const cleanUp = async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await stopServer();
  };

  try {
    console.log(formatMigrateResult(await migrate(databaseUrl)));
    await seedIfEmpty(databaseUrl);
    // Tests that look up ids in the demo data (cross-tenant checks) read this file.
    writeFileSync(e2eInfoFile(port), JSON.stringify({ databaseUrl }), { mode: 0o600 });
  } catch (error) {
    await cleanUp();
    throw error;
  }

  runNext(["start", "-p", String(port)], { DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret() }, cleanUp);
}

main().catch((error: unknown) => {
  console.error("e2e server: could not start:", error);
  process.exit(1);
});
