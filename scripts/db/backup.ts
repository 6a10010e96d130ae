/**
 * `npm run db:backup -- [--out DIR]` — a backup of the portal's database and its
 * attachments, with a manifest a restore checks everything against.
 *
 *   DIR/database.dump      pg_dump, custom format (schema, rows, triggers, grants)
 *   DIR/attachments/…      the attachment files, when attachments are kept on disk
 *   DIR/manifest.json      sha256 of every file; row count and checksum of every table;
 *                          the triggers; the ledger's size (scripts/db/backup-manifest.ts)
 *
 * Connects as DATABASE_OWNER_URL (else DATABASE_URL), environment or .env; attachments are
 * read from ATTACHMENTS_DIR (default .data/attachments, as the portal). DIR defaults to
 * .data/backups/<database>-<UTC time>.
 *
 * Consistent while the portal runs: the dump and the manifest's counts read one exported
 * snapshot (pg_dump --snapshot), and the attachment files are copied while it is held.
 * Files are never changed once written (generated names), so a file the snapshot's rows
 * name is either copied or was deleted after the snapshot; the latter fails the backup.
 */
import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import {
  ATTACHMENTS_FOLDER,
  DUMP_FILE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  attachmentsInDatabase,
  fixRowTextSettings,
  listFiles,
  listTriggers,
  sha256OfFile,
  tableStats,
  type TBackupFile,
  type TBackupManifest,
} from "./backup-manifest";
import { PROJECT_ROOT, databaseUrlFromEnv, ownerDatabaseUrlFromEnv } from "./migrate";
import { PgToolMissingError, findPgTool, pgConnection, runPgTool } from "./pg-tools";

export type TBackupOptions = {
  /** The database, as the tables' owner. */
  url: string;
  /** The portal's attachments directory (files copied when any exist). */
  attachmentsDir: string;
  /** Where to write the backup: must not exist, or be empty. */
  outDir: string;
};

export async function backupDatabase(options: TBackupOptions): Promise<TBackupManifest> {
  const { url, attachmentsDir, outDir } = options;
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty: a backup goes into a new folder`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: server } = await client.query<{ version: string; major: string; db: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int / 10000 AS major, current_database() AS db",
    );
    const { version: serverVersion, db: database } = server[0]!;
    const pgDump = findPgTool("pg_dump", Number(server[0]!.major));

    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await fixRowTextSettings(client);
    const { rows: snap } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const connection = pgConnection(url);
    const dumping = runPgTool(
      pgDump.path,
      ["--format=custom", `--snapshot=${snap[0]!.id}`, `--file=${path.join(outDir, DUMP_FILE)}`, connection.dbnameArg],
      connection.env,
    );
    dumping.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
    // The counts read the same snapshot while pg_dump reads it on its own connection.
    const tables = await tableStats(client);
    const triggers = await listTriggers(client);
    const { rows: ledger } = await client.query<{ chains: number; entries: number }>(
      `SELECT count(DISTINCT "requestId")::int AS chains, count(*)::int AS entries FROM "LedgerEntry"`,
    );
    const inDatabase = await attachmentsInDatabase(client);
    const copied = await copyAttachments(attachmentsDir, path.join(outDir, ATTACHMENTS_FOLDER));
    if (!inDatabase) await checkAttachmentFiles(client, copied);
    await dumping;
    await client.query("COMMIT");

    const files: TBackupFile[] = [];
    for (const rel of [DUMP_FILE, ...copied.map((f) => `${ATTACHMENTS_FOLDER}/${f}`)]) {
      files.push(await describeFile(outDir, rel));
    }
    const manifest: TBackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: new Date().toISOString(),
      database,
      serverVersion,
      pgDumpVersion: pgDump.major,
      attachments: inDatabase ? "database" : "files",
      tables,
      triggers,
      ledger: ledger[0]!,
      files,
    };
    await writeFile(path.join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
    return manifest;
  } finally {
    await client.end();
  }
}

async function describeFile(dir: string, rel: string): Promise<TBackupFile> {
  const file = path.join(dir, ...rel.split("/"));
  const { size } = await stat(file);
  return { path: rel, bytes: size, sha256: await sha256OfFile(file) };
}

/** Copies every file under `from` to the same place under `to`; returns their relative paths. */
async function copyAttachments(from: string, to: string): Promise<string[]> {
  const files = await listFiles(from);
  for (const rel of files) {
    const target = path.join(to, ...rel.split("/"));
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(path.join(from, ...rel.split("/")), target);
  }
  return files;
}

/** Every attachment the snapshot's rows name must be among the copied files (stored as <first two>/<name>). */
async function checkAttachmentFiles(client: pg.Client, copied: string[]): Promise<void> {
  const { rows: hasTable } = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'Attachment' AND column_name = 'storedName'`,
  );
  if (hasTable.length === 0) return;
  const have = new Set(copied);
  const { rows } = await client.query<{ storedName: string }>(`SELECT "storedName" FROM "Attachment" ORDER BY 1`);
  const missing = rows.map((r) => r.storedName).filter((name) => !have.has(`${name.slice(0, 2)}/${name}`));
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} attachment(s) in the database have no file in the attachments directory (first: ${missing[0]}): ` +
        `is ATTACHMENTS_DIR the portal's?`,
    );
  }
}

export function defaultBackupDir(database: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "Z");
  return path.join(PROJECT_ROOT, ".data", "backups", `${database}-${stamp}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const url = ownerDatabaseUrlFromEnv() ?? databaseUrlFromEnv();
  if (!url) {
    console.error(
      "db:backup: set DATABASE_OWNER_URL (the tables' owner) or DATABASE_URL, in the environment or .env " +
        "(the dev database while `npm run dev` runs: postgresql://rongqiao_owner:rongqiao@127.0.0.1:54320/rongqiao)",
    );
    process.exit(1);
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  const outDir = path.resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : defaultBackupDir(database));
  // Read where the portal reads it (lib/server/env.ts attachmentsDir()).
  const attachmentsDir = process.env.ATTACHMENTS_DIR?.trim() || path.join(process.cwd(), ".data", "attachments");
  const started = Date.now();
  try {
    const m = await backupDatabase({ url, attachmentsDir, outDir });
    const rows = Object.values(m.tables).reduce((sum, t) => sum + t.rows, 0);
    const attachmentFiles = m.files.length - 1;
    console.log(
      `db:backup: ${outDir}\n  ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.triggers.length} triggers, ` +
        `${m.ledger.chains} ledger chains (${m.ledger.entries} entries); attachments: ` +
        (m.attachments === "database" ? "in the database dump" : `${attachmentFiles} file(s) from ${attachmentsDir}`) +
        `; dump ${m.files[0]!.bytes} bytes; ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
  } catch (error) {
    console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof PgToolMissingError ? 2 : 1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
