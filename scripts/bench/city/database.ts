/**
 * The city benchmark's database: a persistent embedded PostgreSQL in
 * .data/bench-city-postgres on port 54330, database rongqiao_city, seeded once with the
 * demo data at 100,000 enterprises and reused by later runs. Every run applies pending
 * migrations (the schema grows) and, on a reused database, rebuilds the read models when
 * scripts/db/rebuild-read-models.ts exists, so tallies added by new migrations are filled.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../../db/embedded-postgres";
import { APP_ROLE, grantApplicationRole, prepareLocalDatabase } from "../../db/database-roles";
import { formatMigrateResult, migrate } from "../../db/migrate";

export const CITY_PORT = 54330;
export const CITY_DATABASE = "rongqiao_city";
export const CITY_ENTERPRISES = 100_000;

/** `url`: as the portal's role (what the portal connects with); `ownerUrl`: as the tables' owner. */
export type TCityDatabase = { url: string; ownerUrl: string; postgres: EmbeddedPostgresHandle };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs a TypeScript script of the repository with DATABASE_URL set; resolves to its exit code. */
function runScript(projectRoot: string, script: string, args: string[], url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: projectRoot,
      // A throwaway database: the demo seed runs only in demo mode.
      env: { ...process.env, DATABASE_URL: url, DEMO_MODE: "true" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function isSeeded(url: string): Promise<boolean> {
  const rows = await query<{ seeded: boolean }>(url, `SELECT EXISTS (SELECT 1 FROM "Organization") AS seeded`);
  return rows[0]?.seeded === true;
}

async function seed(projectRoot: string, url: string, log: (line: string) => void): Promise<void> {
  // The demo seed's own command line, with its default reference date (today in
  // Asia/Shanghai), exactly what `npm run db:seed -- --enterprises 100000` does.
  log(`database: seeding the demo data at ${CITY_ENTERPRISES.toLocaleString("en-US")} enterprises (takes a minute or two)…`);
  const started = Date.now();
  const code = await runScript(projectRoot, "prisma/seed/index.ts", ["--enterprises", String(CITY_ENTERPRISES)], url);
  if (code !== 0) throw new Error(`the seed failed (exit code ${code})`);
  log(`database: seeded in ${seconds(Date.now() - started)}`);
  // Fresh statistics and visibility map, as a database that has been running a while has:
  // otherwise the planner guesses and autovacuum starts in the middle of a measurement.
  const analyzed = Date.now();
  await query(url, "VACUUM (ANALYZE)");
  log(`database: VACUUM (ANALYZE) in ${seconds(Date.now() - analyzed)}`);
}

async function rebuildReadModels(projectRoot: string, url: string, log: (line: string) => void): Promise<void> {
  const script = path.join("scripts", "db", "rebuild-read-models.ts");
  if (!existsSync(path.join(projectRoot, script))) {
    log(`database: no ${script}; read models left as they are`);
    return;
  }
  log(`database: running ${script}…`);
  const started = Date.now();
  const code = await runScript(projectRoot, script, [], url);
  const outcome = code === 0 ? "done" : `exited with code ${code} (measuring anyway)`;
  log(`database: read-model rebuild ${outcome} in ${seconds(Date.now() - started)}`);
}

/** Starts (or reuses) the cluster and returns a migrated, seeded database. */
export async function prepareCityDatabase(projectRoot: string, log: (line: string) => void): Promise<TCityDatabase> {
  const started = Date.now();
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(projectRoot, ".data", "bench-city-postgres"),
    port: CITY_PORT,
    log,
  });
  try {
    const { ownerUrl: url, appUrl } = await prepareLocalDatabase(postgres.connectionString("postgres"), CITY_DATABASE);
    log(`database: ${CITY_DATABASE} on 127.0.0.1:${postgres.port} (data in ${postgres.dataDir}), up in ${seconds(Date.now() - started)}`);

    const migrated = await migrate(url);
    await grantApplicationRole(url);
    log(`database: ${formatMigrateResult(migrated)}; migrating took ${seconds(migrated.ms)}; the portal connects as ${APP_ROLE}`);

    if (await isSeeded(url)) {
      const [row] = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "Enterprise"`);
      const enterprises = Number(row?.n ?? 0);
      log(`database: already seeded, ${enterprises.toLocaleString("en-US")} enterprises`);
      if (enterprises < CITY_ENTERPRISES) {
        log(
          `database: warning: fewer than ${CITY_ENTERPRISES.toLocaleString("en-US")} enterprises; delete ${postgres.dataDir} to seed afresh`,
        );
      }
      await rebuildReadModels(projectRoot, url, log);
    } else {
      try {
        await seed(projectRoot, url, log);
      } catch (error) {
        // A half-seeded database would pass for a seeded one on the next run. The seed's
        // error is the one to report, whether or not the drop works.
        await query(postgres.connectionString("postgres"), `DROP DATABASE ${CITY_DATABASE} WITH (FORCE)`).then(
          () => log("database: dropped the half-seeded database; the next run seeds it afresh"),
          (dropError: unknown) =>
            log(`database: could not drop the half-seeded database (${String(dropError)}); delete ${postgres.dataDir} before the next run`),
        );
        throw error;
      }
    }
    log(`database: ready in ${seconds(Date.now() - started)}`);
    return { url: appUrl, ownerUrl: url, postgres };
  } catch (error) {
    await postgres.stop().catch(() => undefined);
    throw error;
  }
}
