/**
 * `npm run db:migrate` — applies prisma/migrations as the tables' owner, like
 * `prisma migrate deploy` (same `_prisma_migrations` table, same checksums, so stock
 * Prisma can take over the same database and folder wherever its engine is available).
 *
 * CLI:    node --import tsx scripts/db/migrate.ts [connectionString]
 *         (in the release bundle: `node migrate.mjs`, the same code compiled)
 *         (DATABASE_OWNER_URL, else DATABASE_URL: from the environment, or from .env;
 *         with both set, the portal's role — DATABASE_URL's user — gets its grants after)
 *         prints one line: "migrations: 1 applied, 0 pending"; exit code 1 on failure,
 *         78 when a database URL is missing or malformed.
 *
 * In-process (dev launcher, test harness):
 *         import { migrate, formatMigrateResult } from "./db/migrate"; // relative in scripts
 *         const result = await migrate(url);          // { applied, pending, unknownInDatabase, total, ms }
 *         console.log(formatMigrateResult(result));   // "migrations: 1 applied, 0 pending (…)"
 *   No Node flags needed: the schema engine's WebAssembly is loaded by hand
 *   (scripts/db/schema-engine.ts), so this works in plain `node --import tsx`, in tsx and
 *   inside vitest. It keeps no connection open after it returns.
 *
 * The database must exist (create it first: scripts/db/embedded-postgres.ts has
 * createDatabase). Migrations run one at a time, each as a single transaction, under
 * Prisma's advisory lock, so two processes migrating the same database at once are safe.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { EXIT_BAD_SETTINGS, settingsProblems, settingsRefusal } from "../../lib/server/env";
import { projectRootOf } from "../project-root";
import { grantApplicationRole, roleOfUrl } from "./database-roles";
import { applyMigrations, listMigrationNames } from "./schema-engine";

export const PROJECT_ROOT = projectRootOf(import.meta.url);
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations in the folder still not applied afterwards (normally none). */
  pending: string[];
  /** Migrations recorded in the database that the folder does not have. */
  unknownInDatabase: string[];
  /** Number of migration folders. */
  total: number;
  ms: number;
}

export interface MigrateOptions {
  migrationsDir?: string;
  /** Engine warnings and errors (default: console.warn). */
  onLog?: (line: string) => void;
}

export async function migrate(connectionString: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const started = Date.now();
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const names = await listMigrationNames(migrationsDir);
  const applied = names.length === 0 ? [] : await applyMigrations(connectionString, migrationsDir, options.onLog ?? console.warn);
  const done = await finishedMigrations(connectionString);
  return {
    applied,
    pending: names.filter((n) => !done.has(n)),
    unknownInDatabase: [...done].filter((n) => !names.includes(n)),
    total: names.length,
    ms: Date.now() - started,
  };
}

async function finishedMigrations(connectionString: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return new Set(); // no table yet
    throw error;
  } finally {
    await client.end();
  }
}

export function formatMigrateResult(r: MigrateResult): string {
  let line = `migrations: ${r.applied.length} applied, ${r.pending.length} pending`;
  if (r.applied.length > 0) line += ` (${r.applied.join(", ")}; ${(r.ms / 1000).toFixed(1)}s)`;
  if (r.unknownInDatabase.length > 0) {
    line += `\nwarning: the database has migrations this folder lacks: ${r.unknownInDatabase.join(", ")}`;
  }
  return line;
}

/** DATABASE_URL from the environment, else from .env in the project root. */
export function databaseUrlFromEnv(): string | undefined {
  loadEnvFileOnce();
  return process.env.DATABASE_URL;
}

/** DATABASE_OWNER_URL (the tables' owner), environment first, then .env. */
export function ownerDatabaseUrlFromEnv(): string | undefined {
  loadEnvFileOnce();
  return process.env.DATABASE_OWNER_URL;
}

function loadEnvFileOnce(): void {
  if (process.env.DATABASE_URL || process.env.DATABASE_OWNER_URL) return;
  const envFile = path.join(PROJECT_ROOT, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}

/**
 * As the owner (DATABASE_OWNER_URL, or DATABASE_URL when only that is set): the migrations,
 * then, when both URLs are set and sign in as different roles, the grants of the portal's
 * role (DATABASE_URL's user).
 */
async function main(): Promise<void> {
  const appUrl = databaseUrlFromEnv();
  const ownerUrl = process.argv[2] ?? ownerDatabaseUrlFromEnv() ?? appUrl;
  const problems = settingsProblems("migrate", process.argv[2] ? { ...process.env, DATABASE_OWNER_URL: process.argv[2] } : process.env);
  if (!ownerUrl || problems.length > 0) {
    console.error(settingsRefusal("db:migrate", problems.length > 0 ? problems : ["DATABASE_URL: is not set (nor DATABASE_OWNER_URL)"]));
    process.exit(EXIT_BAD_SETTINGS);
  }
  try {
    console.log(formatMigrateResult(await migrate(ownerUrl)));
    if (appUrl && roleOfUrl(appUrl) !== roleOfUrl(ownerUrl)) {
      await grantApplicationRole(ownerUrl, roleOfUrl(appUrl));
      console.log(
        `grants: the portal's role "${roleOfUrl(appUrl)}" may read and write rows, insert into the ledger and the audit log, nothing more`,
      );
    }
  } catch (error) {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
