/**
 * A fresh, empty database (owned by the owner role, used by the portal's role; see
 * database-roles.ts) for the e2e server and the benchmarks: on TEST_DATABASE_URL's
 * server when set, else on a throwaway embedded PostgreSQL (temp dir, no fsync; clusters
 * left behind by killed runs with the same prefix are swept first). `drop()` removes the
 * database and stops a server it started.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { prepareLocalDatabase } from "./database-roles";
import { startEmbeddedPostgres, sweepStaleClusters } from "./embedded-postgres";
import { withClient } from "./pg-client";

/** `url`: as the portal's role; `ownerUrl`: as the tables' owner (migrations, seeding). */
export type TThrowawayDatabase = { url: string; ownerUrl: string; adminUrl: string; drop: () => Promise<void> };

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(sql));
}

export async function createThrowawayDatabase(prefix: string): Promise<TThrowawayDatabase> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const clusterPrefix = `rongqiao-${prefix}-pg-`;
    await sweepStaleClusters(os.tmpdir(), clusterPrefix);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `${clusterPrefix}${process.pid}`),
      persistent: false,
      log: () => {},
    });
    adminUrl = server.connectionString("postgres");
    stopServer = () => server.stop();
  }
  const name = `rq_${prefix}_${randomBytes(3).toString("hex")}`;
  const { appUrl, ownerUrl } = await prepareLocalDatabase(adminUrl, name);
  const server = adminUrl;
  return {
    url: appUrl,
    ownerUrl,
    adminUrl: server,
    drop: async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await stopServer();
    },
  };
}
