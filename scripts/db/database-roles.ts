/**
 * The two database roles the portal runs with (see docs/decisions/011-database-roles.md):
 *
 *   - the owner (rongqiao_owner) owns the tables and applies the migrations;
 *   - the application (rongqiao_app) owns nothing and gets only what the portal needs:
 *     rows of every table, but only SELECT and INSERT on the ledger and the audit log,
 *     no TRUNCATE anywhere, no DDL. A tables' owner can disable their triggers and a
 *     superuser can switch them off for a session, so the append-only promise only holds
 *     against a role that is neither.
 *
 * The development server, the tests, the e2e server and the benchmarks create both on the
 * server they start (or are given) and connect the portal as the application role.
 * `grantApplicationRole` is also what `npm run db:migrate` runs after the migrations when it
 * is given both URLs, so the grants follow every new table.
 */
import { quoteIdent as ident, withClient } from "./pg-client";

export const OWNER_ROLE = "rongqiao_owner";
export const APP_ROLE = "rongqiao_app";
/** Local, throwaway servers only (dev, tests, e2e, benchmarks); a real server has its own. */
export const LOCAL_ROLE_PASSWORD = "rongqiao";

/** Insert-only: never updated, deleted or truncated (their triggers refuse it too). */
export const APPEND_ONLY_TABLES = [
  "LedgerEntry",
  "AuditLog",
  "LedgerAnchor",
  "LedgerIntegrityIssue",
  "BankCreditTarget",
  "SupportReportRevision",
  "SupportReportReview",
  "RewardRestriction",
  "QuestionnaireResponse",
  "LoanCancellation",
  "KeyListContact",
  "AssistancePlanStep",
] as const;
/** Read by the readiness check ("no pending migrations"), never written by the portal. */
const READ_ONLY_TABLES = ["_prisma_migrations"] as const;

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** `url` with another user and password. */
export function urlAsRole(url: string, role: string, password = LOCAL_ROLE_PASSWORD): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The user name a connection URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates (or resets) the owner and the application role on the server `adminUrl` points at,
 * as plain login roles: not superuser, no CREATEDB or CREATEROLE, no replication, no BYPASSRLS.
 * Concurrent callers (parallel test workers) may race to create a role; the loser's
 * "already exists" is fine.
 */
export async function ensureLocalRoles(adminUrl: string, password = LOCAL_ROLE_PASSWORD): Promise<void> {
  await withClient(adminUrl, async (c) => {
    for (const role of [OWNER_ROLE, APP_ROLE]) {
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
      try {
        await c.query(`CREATE ROLE ${ident(role)} ${attributes}`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== "42710" && code !== "23505") throw error; // duplicate_object / unique_violation (a concurrent create)
        await c.query(`ALTER ROLE ${ident(role)} ${attributes}`);
      }
    }
  });
}

/** CREATE DATABASE owned by the owner role (which then owns every table its migrations create). */
export async function createOwnedDatabase(adminUrl: string, name: string, owner = OWNER_ROLE): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(name)} OWNER ${ident(owner)} TEMPLATE template0`));
}

/** The role that owns database `url`'s tables (the owner of "LedgerEntry"), or null before the first migration. */
export async function tablesOwner(url: string): Promise<string | null> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ owner: string }>(
      `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'LedgerEntry'`,
    );
    return rows[0]?.owner ?? null;
  });
}

/**
 * The application role's privileges on database `ownerUrl` (run as the tables' owner, after
 * the migrations): rows of every table except the append-only and read-only ones, the
 * sequences the inserts draw ids from, nothing else. Idempotent; revokes first, so a table
 * that became append-only loses the privileges it had.
 */
export async function grantApplicationRole(ownerUrl: string, appRole = APP_ROLE): Promise<void> {
  const role = ident(appRole);
  await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const tables = rows.map((r) => r.name);
    const { rows: here } = await c.query<{ db: string }>("SELECT current_database() AS db");
    const appendOnly = new Set<string>(APPEND_ONLY_TABLES);
    const readOnly = new Set<string>(READ_ONLY_TABLES);
    const statements = [
      `GRANT CONNECT ON DATABASE ${ident(here[0]!.db)} TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
      ...tables.map((t) => {
        const privileges = readOnly.has(t) ? "SELECT" : appendOnly.has(t) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        return `GRANT ${privileges} ON ${ident(t)} TO ${role}`;
      }),
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    ];
    await c.query("BEGIN");
    try {
      for (const sql of statements) await c.query(sql);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    }
  });
}

export type TLocalDatabase = {
  /** Migrations, seeding and maintenance commands connect with this (the tables' owner). */
  ownerUrl: string;
  /** The portal connects with this (the application role). */
  appUrl: string;
};

/**
 * A database on a local server (the dev cluster, a test or benchmark server) with both
 * roles: created owned by the owner role when missing. A database made before the roles
 * existed stays owned by the server's superuser, which then applies its migrations; the
 * portal still connects as the application role.
 */
export async function prepareLocalDatabase(adminUrl: string, name: string): Promise<TLocalDatabase> {
  await ensureLocalRoles(adminUrl);
  const owner = await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ owner: string }>(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1`, [
      name,
    ]);
    return rows[0]?.owner ?? null;
  });
  if (owner === null) await createOwnedDatabase(adminUrl, name);
  const u = new URL(adminUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  const onDatabase = u.toString();
  return {
    ownerUrl: owner === null || owner === OWNER_ROLE ? urlAsRole(onDatabase, OWNER_ROLE) : onDatabase,
    appUrl: urlAsRole(onDatabase, APP_ROLE),
  };
}
