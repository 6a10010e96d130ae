/**
 * Once per `vitest run -c vitest.integration.config.ts`:
 *   - TEST_DATABASE_URL set → use that server (any database on it, as a role that may
 *     create databases and roles),
 *     start nothing;
 *   - otherwise start a throwaway embedded PostgreSQL (data under os.tmpdir(), a free
 *     port, no fsync), after cleaning up clusters left behind by runs that were killed;
 *   - create the owner and the application roles, a fresh, uniquely named database owned
 *     by the owner, apply prisma/migrations to it as the owner and grant the application
 *     role its privileges (scripts/db/database-roles.ts);
 *   - provide its URLs to the tests: as the application role (what the portal connects
 *     as, and what most tests use) and as the owner (for the few that test the owner); at the end drop every database this run created and
 *     stop the server (its data directory is deleted).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, sweepStaleClusters } from "../../scripts/db/embedded-postgres";
import { migrate } from "../../scripts/db/migrate";
import {
  createOwnedDatabase,
  ensureLocalRoles,
  grantApplicationRole,
  APP_ROLE,
  OWNER_ROLE,
  urlAsRole,
} from "../../scripts/db/database-roles";
import { dropDatabase, uniqueDatabaseName, withClient, withDatabase } from "./harness";

const CLUSTER_PREFIX = "rongqiao-test-pg-";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const runId = randomBytes(3).toString("hex");
  const prefix = `rq_test_${runId}_`;
  let adminUrl: string;
  let stopServer = async () => {};
  let where: string;

  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    adminUrl = external;
    where = `TEST_DATABASE_URL (${new URL(external).host})`;
  } else {
    await sweepStaleClusters(os.tmpdir(), CLUSTER_PREFIX);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `${CLUSTER_PREFIX}${process.pid}-${runId}`),
      persistent: false,
      log: () => {},
    });
    adminUrl = server.connectionString("postgres");
    stopServer = () => server.stop();
    where = `embedded PostgreSQL on port ${server.port}`;
  }

  try {
    const name = uniqueDatabaseName(prefix, "main");
    await ensureLocalRoles(adminUrl);
    await createOwnedDatabase(adminUrl, name);
    const ownerUrl = urlAsRole(withDatabase(adminUrl, name), OWNER_ROLE);
    const url = urlAsRole(withDatabase(adminUrl, name), APP_ROLE);
    const result = await migrate(ownerUrl, { onLog: (l) => console.warn(`[migrate] ${l}`) });
    await grantApplicationRole(ownerUrl);
    if (result.pending.length > 0) throw new Error(`migrations still pending: ${result.pending.join(", ")}`);
    console.log(
      `integration: ${where}, database ${name}, ${result.applied.length} migrations applied ` +
        `(setup ${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
    project.provide("databaseUrl", url);
    project.provide("ownerDatabaseUrl", ownerUrl);
    project.provide("pgAdminUrl", adminUrl);
    project.provide("testDatabasePrefix", prefix);
  } catch (error) {
    await stopServer();
    throw error;
  }

  return async () => {
    try {
      const leftovers = await withClient(adminUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
        return rows.map((r) => r.datname);
      });
      for (const db of leftovers) await dropDatabase(adminUrl, db);
    } finally {
      await stopServer();
    }
  };
}
