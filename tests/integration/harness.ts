/**
 * Helpers for integration tests (see vitest.integration.config.ts).
 *
 *   import { databaseUrl, createFreshDatabase } from "@/tests/integration/harness";
 *
 *   databaseUrl()            the run's database: fresh, migrated, shared by all test files,
 *                            as the application role (also in process.env.DATABASE_URL)
 *   ownerDatabaseUrl()       the same database as the tables' owner (migrations, triggers)
 *   createFreshDatabase()    ANOTHER database, empty (no migrations), for tests that need
 *                            their own; drop() it in afterAll (the run's teardown drops
 *                            any left over).
 */
import { randomBytes } from "node:crypto";
import { quoteIdent as ident, withClient } from "@/scripts/db/pg-client";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database of this run, as the application role. */
    databaseUrl: string;
    /** The same database as the owner of its tables. */
    ownerDatabaseUrl: string;
    /** Any database on the same server, for CREATE/DROP DATABASE. */
    pgAdminUrl: string;
    /** Prefix of every database this run creates (the teardown drops them all). */
    testDatabasePrefix: string;
  }
}

export function databaseUrl(): string {
  return inject("databaseUrl");
}

export function ownerDatabaseUrl(): string {
  return inject("ownerDatabaseUrl");
}

/** The URL of `database` on the server `serverUrl` points at. */
export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function uniqueDatabaseName(prefix: string, label = "db"): string {
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 20);
  return `${prefix}${safe}_${randomBytes(4).toString("hex")}`;
}

// The tests open their connections the way the database scripts do.
export { withClient };

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(name)} TEMPLATE template0`));
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server (no migrations applied). */
export async function createFreshDatabase(label = "fresh"): Promise<FreshDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = uniqueDatabaseName(inject("testDatabasePrefix"), label);
  const url = await createDatabase(adminUrl, name);
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}
