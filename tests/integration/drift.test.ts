/**
 * Drift check without a shadow database: the database that prisma/migrations builds must
 * be the database prisma/schema.prisma describes.
 *
 *   A = empty database + every migration (as deployed)
 *   B = empty database + the SQL of diff(empty → schema.prisma)
 *
 * and their catalogs must match: tables; columns with type, nullability and default;
 * constraints (primary keys, uniques, foreign keys with their actions, checks); indexes;
 * enums with their labels in order; sequences. Not compared: functions and triggers,
 * which migrations may add by hand (the append-only triggers; ledger-append-only.test.ts
 * checks those), and Prisma's own _prisma_migrations table.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, SCHEMA_FILE, SNAPSHOT_FILE, lastSnapshot } from "@/scripts/db/create-migration";
import { migrate } from "@/scripts/db/migrate";
import { diffSchemas, listMigrationNames } from "@/scripts/db/schema-engine";
import { createFreshDatabase, withClient, type FreshDatabase } from "./harness";

type Catalog = Map<string, string>;

const CATALOG_QUERIES: { kind: string; sql: string }[] = [
  {
    kind: "enum",
    sql: `SELECT format('"%s"', t.typname) AS key,
                 string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS def
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public'
           GROUP BY t.typname`,
  },
  {
    kind: "table",
    sql: `SELECT format('"%s"', c.relname) AS key, 'table' AS def
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  },
  {
    kind: "column",
    sql: `SELECT format('"%s"."%s"', c.relname, a.attname) AS key,
                 format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                   || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
                   || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END AS def
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
             AND a.attnum > 0 AND NOT a.attisdropped`,
  },
  {
    kind: "constraint",
    sql: `SELECT format('"%s"."%s"', c.relname, k.conname) AS key,
                 pg_get_constraintdef(k.oid) AS def
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public'`,
  },
  {
    kind: "index",
    sql: `SELECT format('"%s"."%s"', tablename, indexname) AS key, indexdef AS def
            FROM pg_indexes WHERE schemaname = 'public'`,
  },
  {
    kind: "sequence",
    sql: `SELECT format('"%s"', sequence_name) AS key,
                 format('%s start %s increment %s', data_type, start_value, increment) AS def
            FROM information_schema.sequences WHERE sequence_schema = 'public'`,
  },
];

async function readCatalog(url: string): Promise<Catalog> {
  return withClient(url, async (client) => {
    const catalog: Catalog = new Map();
    for (const { kind, sql } of CATALOG_QUERIES) {
      const { rows } = await client.query<{ key: string; def: string }>(sql);
      for (const { key, def } of rows) {
        if (key.startsWith(`"_prisma_migrations"`)) continue;
        catalog.set(`${kind} ${key}`, def);
      }
    }
    return catalog;
  });
}

/** Human-readable differences; empty when the catalogs match. */
function compareCatalogs(fromMigrations: Catalog, fromSchema: Catalog): string[] {
  const lines: string[] = [];
  const keys = [...new Set([...fromMigrations.keys(), ...fromSchema.keys()])].sort();
  for (const key of keys) {
    const m = fromMigrations.get(key);
    const s = fromSchema.get(key);
    if (m === s) continue;
    if (m === undefined) lines.push(`  only in schema.prisma:  ${key}: ${s}`);
    else if (s === undefined) lines.push(`  only in migrations:     ${key}: ${m}`);
    else lines.push(`  different:              ${key}\n      migrations:    ${m}\n      schema.prisma: ${s}`);
  }
  return lines;
}

async function nextMigrationHint(): Promise<string> {
  try {
    const previous = await lastSnapshot();
    const sql = await diffSchemas(previous?.schema ?? null, await readFile(SCHEMA_FILE, "utf8"));
    if (!sql) return "";
    const body = sql
      .trim()
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n");
    return `\n\nSQL the next migration needs (last migration's snapshot → schema.prisma):\n${body}`;
  } catch (error) {
    return `\n\n(could not compute the next migration: ${String(error)})`;
  }
}

describe("drift: prisma/migrations vs prisma/schema.prisma", () => {
  const databases: FreshDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  });

  it("the database built by the migrations is the one schema.prisma describes", async () => {
    const [viaMigrations, viaSchema] = await Promise.all([createFreshDatabase("drift_migrations"), createFreshDatabase("drift_schema")]);
    databases.push(viaMigrations, viaSchema);

    const result = await migrate(viaMigrations.url);
    expect(result.pending).toEqual([]);

    const sql = await diffSchemas(null, await readFile(SCHEMA_FILE, "utf8"));
    await withClient(viaSchema.url, (c) => c.query(sql));

    const [fromMigrations, fromSchema] = await Promise.all([readCatalog(viaMigrations.url), readCatalog(viaSchema.url)]);
    expect(fromSchema.get('column "LedgerEntry"."hash"'), "the catalog query found nothing").toBe("text NOT NULL");
    const differences = compareCatalogs(fromMigrations, fromSchema);
    if (differences.length > 0) {
      expect.fail(
        `The database built from prisma/migrations differs from prisma/schema.prisma ` +
          `(${differences.length} difference${differences.length === 1 ? "" : "s"}):\n` +
          differences.join("\n") +
          (await nextMigrationHint()) +
          `\n\nFix: npm run db:migration -- <name>   (or undo a hand edit of a migration's generated SQL)`,
      );
    }
  });

  it("every migration keeps its schema snapshot, and the last one matches schema.prisma", async () => {
    const names = await listMigrationNames(MIGRATIONS_DIR);
    const missing = names.filter((n) => !existsSync(path.join(MIGRATIONS_DIR, n, SNAPSHOT_FILE)));
    expect(missing, `migrations without ${SNAPSHOT_FILE} (npm run db:migration diffs against it)`).toEqual([]);

    const hint = await nextMigrationHint();
    if (hint) {
      expect.fail(
        `prisma/schema.prisma has changes that no migration snapshot includes: the next ` +
          `\`npm run db:migration -- <name>\` would write this SQL.${hint}`,
      );
    }
  });
});
