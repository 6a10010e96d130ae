/**
 * `npm run db:restore -- DIR [--app-role NAME]` — restores a backup made by
 * `npm run db:backup` into an EMPTY database, then proves it is the same data.
 *
 *   1. every file of the backup must match the manifest's sha256 (nothing is touched otherwise);
 *   2. the target must be empty, and the connecting role must not be a superuser: it becomes
 *      the tables' owner (DATABASE_OWNER_URL, else DATABASE_URL; environment or .env);
 *   3. pg_restore in one transaction (a failure leaves the database empty), without the
 *      source's owners and grants; then the portal's role gets the grants `npm run db:migrate`
 *      gives it (grantApplicationRole): DATABASE_URL's user when it differs from the owner,
 *      else --app-role, else rongqiao_app. The role must exist (README, "Database roles");
 *   4. the attachment files go to ATTACHMENTS_DIR (default .data/attachments), never over an
 *      existing file;
 *   5. re-verification: every table's row count and checksum and the triggers equal the
 *      manifest's, every ledger chain holds (lib/ledger/queries/verify-ledger-chains.ts), the
 *      portal's role may insert into the ledger but not change it. Any difference exits 1
 *      and leaves the restored database for inspection.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyLedgerChains } from "@/lib/ledger/queries/verify-ledger-chains";
import {
  ATTACHMENTS_FOLDER,
  DUMP_FILE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  compareStats,
  fixRowTextSettings,
  listTriggers,
  sha256OfFile,
  tableStats,
  type TBackupManifest,
} from "./backup-manifest";
import { APP_ROLE, grantApplicationRole, roleOfUrl } from "./database-roles";
import { databaseUrlFromEnv, ownerDatabaseUrlFromEnv } from "./migrate";
import { withClient } from "./pg-client";
import { PgToolMissingError, findPgTool, pgConnection, runPgTool } from "./pg-tools";

/** The backup or the target is not fit for a restore; nothing was changed. */
export class RestoreRefusedError extends Error {}
/** The restore ran but the result differs from the backup; the database is left as restored. */
export class RestoreVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`the restored database differs from the backup:\n  ${problems.join("\n  ")}`);
  }
}

export type TRestoreOptions = {
  backupDir: string;
  /** The empty target database, as the role that is to own its tables. */
  url: string;
  /** The portal's role, granted its privileges after the restore. */
  appRole: string;
  /** Where the portal keeps attachment files. */
  attachmentsDir: string;
};

export type TRestoreReport = {
  tables: number;
  rows: number;
  triggers: number;
  ledger: { chains: number; entries: number };
  attachmentFiles: number;
};

export async function readManifest(backupDir: string): Promise<TBackupManifest> {
  let manifest: TBackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(backupDir, MANIFEST_FILE), "utf8")) as TBackupManifest;
  } catch (error) {
    throw new RestoreRefusedError(`${path.join(backupDir, MANIFEST_FILE)} cannot be read: ${String(error)}`);
  }
  if (manifest.format !== MANIFEST_FORMAT) throw new RestoreRefusedError(`unknown manifest format ${String(manifest.format)}`);
  return manifest;
}

/** Every file the manifest lists, with its size and sha256; a path that leaves the backup folder is refused. */
export async function verifyBackupFiles(backupDir: string, manifest: TBackupManifest): Promise<void> {
  const problems: string[] = [];
  if (!manifest.files.some((f) => f.path === DUMP_FILE)) problems.push(`${DUMP_FILE}: not listed`);
  for (const f of manifest.files) {
    const file = path.resolve(backupDir, ...f.path.split("/"));
    if (!file.startsWith(path.resolve(backupDir) + path.sep)) {
      problems.push(`${f.path}: outside the backup`);
      continue;
    }
    try {
      if ((await sha256OfFile(file)) !== f.sha256) problems.push(`${f.path}: sha256 differs from the manifest`);
    } catch {
      problems.push(`${f.path}: missing`);
    }
  }
  if (problems.length > 0) throw new RestoreRefusedError(`the backup does not match its manifest:\n  ${problems.join("\n  ")}`);
}

async function checkTarget(url: string, appRole: string): Promise<number> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ superuser: boolean; major: number; objects: number; app: boolean }>(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              current_setting('server_version_num')::int / 10000 AS major,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')
              + (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%') AS objects,
              EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS app`,
      [appRole],
    );
    const t = rows[0]!;
    if (t.objects > 0)
      throw new RestoreRefusedError(
        `the target database is not empty (${t.objects} tables, sequences or functions): restore into a new database`,
      );
    if (t.superuser) {
      throw new RestoreRefusedError(
        `${roleOfUrl(url)} is a superuser: restore as the role that is to own the tables (e.g. rongqiao_owner), ` +
          `or a superuser would own them and the portal's guards could be switched off by it`,
      );
    }
    if (!t.app) throw new RestoreRefusedError(`the portal's role "${appRole}" does not exist on the target server: create it first`);
    return t.major;
  });
}

async function restoreAttachments(backupDir: string, manifest: TBackupManifest, attachmentsDir: string): Promise<number> {
  const prefix = `${ATTACHMENTS_FOLDER}/`;
  const files = manifest.files.filter((f) => f.path.startsWith(prefix));
  for (const f of files) {
    const rel = f.path.slice(prefix.length).split("/");
    const target = path.join(path.resolve(attachmentsDir), ...rel);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // "wx": an attachment already there is someone else's data, never overwritten.
    await writeFile(target, await readFile(path.join(backupDir, ...f.path.split("/"))), { flag: "wx", mode: 0o600 });
    if ((await sha256OfFile(target)) !== f.sha256) throw new Error(`${target}: written, but its sha256 differs from the backup's`);
  }
  return files.length;
}

/** What the restored database holds, compared with the manifest; [] when identical. */
export async function verifyRestored(url: string, manifest: TBackupManifest, appRole: string): Promise<string[]> {
  const { stats, grants } = await withClient(url, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await fixRowTextSettings(c);
    const stats = { tables: await tableStats(c), triggers: await listTriggers(c) };
    const { rows } = await c.query<{ ledgerInsert: boolean; ledgerUpdate: boolean; requestUpdate: boolean }>(
      `SELECT has_table_privilege($1, '"LedgerEntry"', 'INSERT') AS "ledgerInsert",
              has_table_privilege($1, '"LedgerEntry"', 'UPDATE') AS "ledgerUpdate",
              has_table_privilege($1, '"Request"', 'UPDATE') AS "requestUpdate"`,
      [appRole],
    );
    await c.query("COMMIT");
    return { stats, grants: rows[0]! };
  });
  const problems = compareStats(manifest, stats);
  if (!grants.ledgerInsert || !grants.requestUpdate) problems.push(`the portal's role "${appRole}" lacks its grants`);
  if (grants.ledgerUpdate) problems.push(`the portal's role "${appRole}" may UPDATE the ledger`);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const ledger = await verifyLedgerChains(prisma);
    if (ledger.chains !== manifest.ledger.chains || ledger.entries !== manifest.ledger.entries) {
      problems.push(
        `ledger: ${ledger.chains} chains (${ledger.entries} entries), the backup has ${manifest.ledger.chains} (${manifest.ledger.entries})`,
      );
    }
    for (const b of ledger.broken) problems.push(`ledger of item ${b.requestId}: broken at seq ${b.seq}`);
  } finally {
    await prisma.$disconnect();
  }
  return problems;
}

export async function restoreDatabase(options: TRestoreOptions): Promise<TRestoreReport> {
  const { backupDir, url, appRole, attachmentsDir } = options;
  const manifest = await readManifest(backupDir);
  await verifyBackupFiles(backupDir, manifest);
  const major = await checkTarget(url, appRole);
  const pgRestore = findPgTool("pg_restore", major);

  const connection = pgConnection(url);
  await runPgTool(
    pgRestore.path,
    ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", connection.dbnameArg, path.join(backupDir, DUMP_FILE)],
    connection.env,
  );
  await grantApplicationRole(url, appRole);
  const attachmentFiles = await restoreAttachments(backupDir, manifest, attachmentsDir);

  const problems = await verifyRestored(url, manifest, appRole);
  if (problems.length > 0) throw new RestoreVerificationError(problems);
  return {
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0),
    triggers: manifest.triggers.length,
    ledger: manifest.ledger,
    attachmentFiles,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roleAt = args.indexOf("--app-role");
  const backupDir = args.find((a, i) => !a.startsWith("--") && (roleAt < 0 || i !== roleAt + 1));
  const appUrl = databaseUrlFromEnv();
  const url = ownerDatabaseUrlFromEnv() ?? appUrl;
  if (!backupDir || !url) {
    console.error(
      "usage: DATABASE_OWNER_URL=… [DATABASE_URL=…] npm run db:restore -- BACKUP_DIR [--app-role NAME]\n" +
        "  restores into an empty database as the role that is to own its tables",
    );
    process.exit(1);
  }
  const appRole =
    appUrl && roleOfUrl(appUrl) !== roleOfUrl(url) ? roleOfUrl(appUrl) : roleAt >= 0 && args[roleAt + 1] ? args[roleAt + 1]! : APP_ROLE;
  // Written where the portal reads them (lib/server/env.ts attachmentsDir()).
  const attachmentsDir = process.env.ATTACHMENTS_DIR?.trim() || path.join(process.cwd(), ".data", "attachments");
  const started = Date.now();
  try {
    const r = await restoreDatabase({ backupDir: path.resolve(backupDir), url, appRole, attachmentsDir });
    console.log(
      `db:restore: ${r.tables} tables, ${r.rows} rows, ${r.triggers} triggers restored and equal to the backup; ` +
        `${r.ledger.chains} ledger chains (${r.ledger.entries} entries) verified; ${r.attachmentFiles} attachment file(s) ` +
        `to ${attachmentsDir}; grants for "${appRole}"; ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
  } catch (error) {
    console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof PgToolMissingError ? 2 : 1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
