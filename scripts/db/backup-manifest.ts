/**
 * What a backup (scripts/db/backup.ts) records about itself, so a restore
 * (scripts/db/restore.ts) can prove it got everything back:
 *
 *   - every file in the backup with its size and sha256 (the dump, the attachments);
 *   - every table's row count and a checksum of its rows, computed in SQL;
 *   - the triggers (the append-only and frozen-record guards, the read models' tallies);
 *   - how many ledger chains there are and how many entries they hold.
 *
 * A table's checksum is md5 over its row count and the sums of its rows' md5 values (as
 * two 64-bit halves): one pass in the database, no sort and no memory that grows with the
 * table, and independent of the rows' physical order, which a restore changes. The row
 * text depends on a few settings (time zone, float digits, bytea format), fixed here for
 * both sides.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { quoteIdent } from "./pg-client";

export const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "database.dump";
export const ATTACHMENTS_FOLDER = "attachments";
export const MANIFEST_FORMAT = 1;

export type TTableStats = { rows: number; checksum: string };
export type TTriggerRow = { table: string; name: string; enabled: string };
export type TBackupFile = { path: string; bytes: number; sha256: string };

export type TBackupManifest = {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  database: string;
  serverVersion: string;
  pgDumpVersion: number;
  /** Where attachments were: "files" (copied under attachments/) or "database" (in the dump). */
  attachments: "files" | "database";
  tables: Record<string, TTableStats>;
  triggers: TTriggerRow[];
  ledger: { chains: number; entries: number };
  files: TBackupFile[];
};

/** The settings a row's text depends on; run inside the transaction that reads the rows. */
export async function fixRowTextSettings(c: pg.Client): Promise<void> {
  for (const sql of [
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 1",
    "SET LOCAL bytea_output = 'hex'",
  ]) {
    await c.query(sql);
  }
}

/** Ordinary tables of the application's schemas, as "schema.table" (public tables without the prefix). */
async function listTables(c: pg.Client): Promise<Array<{ schema: string; table: string }>> {
  const { rows } = await c.query<{ schema: string; table: string }>(
    `SELECT n.nspname AS schema, c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1, 2`,
  );
  return rows;
}

const tableKey = (t: { schema: string; table: string }) => (t.schema === "public" ? t.table : `${t.schema}.${t.table}`);

/** Row count and checksum of every table; call inside a transaction after fixRowTextSettings. */
export async function tableStats(c: pg.Client): Promise<Record<string, TTableStats>> {
  const out: Record<string, TTableStats> = {};
  for (const t of await listTables(c)) {
    const { rows } = await c.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
              md5(count(*)::text || ':' || coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text
                  || ':' || coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text) AS checksum
         FROM (SELECT md5(r::text) AS h FROM ${quoteIdent(t.schema)}.${quoteIdent(t.table)} r) hashed`,
    );
    out[tableKey(t)] = { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
  }
  return out;
}

/** Every user-defined trigger with its enabled state ("O" on, "D" disabled …), in a stable order. */
export async function listTriggers(c: pg.Client): Promise<TTriggerRow[]> {
  const { rows } = await c.query<TTriggerRow>(
    `SELECT c.relname AS table, t.tgname AS name, t.tgenabled::text AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  return rows;
}

/** Whether attachments' bytes live in the database (a bytea column on "Attachment") rather than on disk. */
export async function attachmentsInDatabase(c: pg.Client): Promise<boolean> {
  const { rows } = await c.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name LIKE 'Attachment%' AND data_type = 'bytea' LIMIT 1`,
  );
  return rows.length > 0;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Regular files under `dir`, as paths relative to it with "/" separators, sorted; [] when `dir` is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Differences between what a manifest recorded and what a database holds now, one line each. */
export function compareStats(
  expected: Pick<TBackupManifest, "tables" | "triggers">,
  actual: Pick<TBackupManifest, "tables" | "triggers">,
): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const e = expected.tables[name];
    const a = actual.tables[name];
    if (!e) problems.push(`table ${name}: not in the backup`);
    else if (!a) problems.push(`table ${name}: missing`);
    else if (e.rows !== a.rows) problems.push(`table ${name}: ${a.rows} rows, the backup has ${e.rows}`);
    else if (e.checksum !== a.checksum) problems.push(`table ${name}: checksum ${a.checksum}, the backup has ${e.checksum}`);
  }
  const line = (t: TTriggerRow) => `${t.table}.${t.name} (${t.enabled})`;
  const want = new Set(expected.triggers.map(line));
  const have = new Set(actual.triggers.map(line));
  for (const t of want) if (!have.has(t)) problems.push(`trigger ${t}: missing`);
  for (const t of have) if (!want.has(t)) problems.push(`trigger ${t}: not in the backup`);
  return problems;
}
