/**
 * `npm run db:migration -- <name> [--empty]` — writes the next migration, offline.
 *
 *   prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql
 *   prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/schema.prisma.snapshot
 *
 * migration.sql is the diff from the previous migration's snapshot (nothing, for the
 * first one) to the current prisma/schema.prisma. The snapshot is a copy of the schema
 * that migration produces; the next run diffs against it, so no database (and no shadow
 * database) is needed. Prisma reads only `migration.sql` from each folder, so stock
 * `prisma migrate deploy` works on the same folder. The snapshot deliberately does not
 * end in `.prisma`: Prisma's multi-file schema loading (and its editor tooling) collects
 * every *.prisma file below prisma/ and would see every model twice.
 *
 * --empty   writes an empty migration.sql for hand-written SQL (data fixes, triggers);
 *           its snapshot is the previous one, so pending schema changes stay pending.
 *
 * Refuses (exit 1) when schema.prisma has no change that needs SQL. Hand-written SQL may
 * be appended to a migration before it is applied anywhere; keep it to things Prisma
 * does not model (triggers, functions, checks on data), or the drift test will object.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, diffSchemas, listMigrationNames } from "./schema-engine";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_FILE = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
export const SNAPSHOT_FILE = "schema.prisma.snapshot";

export class NothingToMigrateError extends Error {}

/** The schema as of the last migration (null when there is none yet). */
export async function lastSnapshot(migrationsDir = MIGRATIONS_DIR): Promise<{ name: string; schema: string } | null> {
  const names = await listMigrationNames(migrationsDir);
  const last = names.at(-1);
  if (last === undefined) return null;
  const file = path.join(migrationsDir, last, SNAPSHOT_FILE);
  if (!existsSync(file)) {
    throw new Error(
      `${path.relative(PROJECT_ROOT, file)} is missing: cannot tell which schema migration ${last} ` +
        `produces. Copy prisma/schema.prisma as it was right after that migration to that path.`,
    );
  }
  return { name: last, schema: await readFile(file, "utf8") };
}

export function migrationTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14); // UTC yyyymmddHHMMSS
}

/** Like Prisma: lower-case, runs of anything else become "_". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

export interface CreateMigrationOptions {
  name: string;
  empty?: boolean;
  schemaFile?: string;
  migrationsDir?: string;
  now?: Date;
}

export async function createMigration(options: CreateMigrationOptions): Promise<{ dir: string; sql: string }> {
  const schemaFile = options.schemaFile ?? SCHEMA_FILE;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const slug = slugify(options.name);
  if (!slug) throw new Error("migration name must contain letters or digits");

  const previous = await lastSnapshot(migrationsDir);
  const current = await readFile(schemaFile, "utf8");
  let sql: string;
  let snapshot: string;
  if (options.empty) {
    if (previous === null) throw new Error("--empty needs an earlier migration to build on");
    sql = "-- Hand-written migration: put SQL here before applying it anywhere.\n";
    snapshot = previous.schema;
  } else {
    sql = await diffSchemas(previous?.schema ?? null, current);
    if (sql.trim() === "") {
      throw new NothingToMigrateError(
        `prisma/schema.prisma needs no SQL compared with ${previous ? `migration ${previous.name}` : "an empty database"}: nothing to migrate`,
      );
    }
    snapshot = current;
  }

  // Timestamps must sort after the last migration even if clocks disagree.
  let stamp = migrationTimestamp(options.now);
  const lastStamp = previous?.name.slice(0, 14);
  if (lastStamp && /^\d{14}$/.test(lastStamp) && stamp <= lastStamp) {
    stamp = (BigInt(lastStamp) + 1n).toString();
  }
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(dir, SNAPSHOT_FILE), snapshot);
  const lock = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lock)) await writeFile(lock, MIGRATION_LOCK_CONTENT);
  return { dir, sql };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const name = args.filter((a) => !a.startsWith("--")).join("_");
  if (!name) {
    console.error("usage: npm run db:migration -- <name> [--empty]");
    process.exit(1);
  }
  try {
    const { dir, sql } = await createMigration({ name, empty });
    const rel = path.relative(PROJECT_ROOT, dir);
    console.log(`created ${rel}/migration.sql`);
    if (/\bDROP\b/.test(sql)) {
      console.log("note: it drops something — check that no data is lost before applying it");
    }
  } catch (error) {
    console.error(`db:migration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
