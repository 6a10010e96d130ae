/**
 * The portal connects as a role that owns nothing. These are the attacks a holder of the
 * portal's DATABASE_URL could try against the ledger, the audit log and published records,
 * each performed as that role: every one must be refused by PostgreSQL's privileges (while
 * the portal connected as the superuser, each of them went through). The tables' owner is
 * still held back by the triggers where it matters (TRUNCATE of frozen records).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkDatabaseRole, databaseRoleRefusal } from "@/lib/server/database-role-check";
import { APP_ROLE, OWNER_ROLE } from "@/scripts/db/database-roles";
import { databaseUrl, ownerDatabaseUrl, withClient } from "./harness";

const PERMISSION_DENIED = "42501";
const FROZEN_TABLES = ["Ranking", "RankingEntry", "QuarterlySubmission", "QuarterlyParkFigure"];
const APPEND_ONLY = ["LedgerEntry", "AuditLog"];

/** Runs `sql` in a transaction that is always rolled back; the error PostgreSQL raised, or null. */
async function attempt(url: string, sql: string): Promise<{ code?: string; message: string } | null> {
  return withClient(url, async (c) => {
    await c.query("BEGIN");
    try {
      await c.query(sql);
      return null;
    } catch (error) {
      return error as { code?: string; message: string };
    } finally {
      await c.query("ROLLBACK");
    }
  });
}

let seededLedgerRows = 0;

beforeAll(async () => {
  // Rows to attack: one ledger entry and one audit entry, written the way the portal does.
  await withClient(ownerDatabaseUrl(), async (c) => {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LedgerEntry"`);
    seededLedgerRows = rows[0]!.n;
  });
  await withClient(databaseUrl(), (c) => c.query(`INSERT INTO "AuditLog" (action, outcome) VALUES ('test.attack', 'SUCCESS')`));
});

describe("the portal's database role", () => {
  it("is neither superuser nor owner, and the portal would start with it", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) });
    try {
      expect(await checkDatabaseRole(prisma)).toEqual({ role: APP_ROLE, problems: [] });
    } finally {
      await prisma.$disconnect();
    }
  });

  it.each(APPEND_ONLY)("cannot update, delete or truncate %s", async (table) => {
    for (const sql of [`UPDATE "${table}" SET "occurredAt" = now()`, `DELETE FROM "${table}"`, `TRUNCATE "${table}" CASCADE`]) {
      expect((await attempt(databaseUrl(), sql))?.code, sql).toBe(PERMISSION_DENIED);
    }
  });

  it("cannot switch the triggers off, for itself or for the table", async () => {
    for (const sql of [
      `ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_append_only"`,
      `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`,
      `SET session_replication_role = replica`,
      `DROP TRIGGER "LedgerEntry_append_only" ON "LedgerEntry"`,
    ]) {
      expect((await attempt(databaseUrl(), sql))?.code, sql).toBe(PERMISSION_DENIED);
    }
  });

  it.each(FROZEN_TABLES)("cannot truncate %s", async (table) => {
    expect((await attempt(databaseUrl(), `TRUNCATE "${table}" CASCADE`))?.code).toBe(PERMISSION_DENIED);
  });

  it("cannot change the schema, create objects or grant itself more", async () => {
    for (const sql of [
      `CREATE TABLE "Evil" (id int)`,
      `ALTER TABLE "Request" ADD COLUMN evil text`,
      `CREATE OR REPLACE FUNCTION "rq_refuse_change_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      // PostgreSQL only warns that nothing was granted; the update after it is still refused.
      `GRANT UPDATE ON "LedgerEntry" TO ${APP_ROLE}; UPDATE "LedgerEntry" SET note = 'x'`,
      `ALTER ROLE ${APP_ROLE} SUPERUSER`,
      `SET ROLE ${OWNER_ROLE}`,
    ]) {
      const error = await attempt(databaseUrl(), sql);
      expect(error, sql).not.toBeNull();
      expect([PERMISSION_DENIED, "42809"], `${sql}: ${error?.message}`).toContain(error!.code);
    }
  });

  it("still writes what the portal writes: ledger and audit inserts, rows of the other tables", async () => {
    expect(await attempt(databaseUrl(), `INSERT INTO "AuditLog" (action, outcome) VALUES ('test.insert', 'SUCCESS')`)).toBeNull();
    expect(await attempt(databaseUrl(), `UPDATE "Request" SET "updatedAt" = "updatedAt" WHERE false`)).toBeNull();
    expect(await attempt(databaseUrl(), `DELETE FROM "Session" WHERE false`)).toBeNull();
    expect(await attempt(databaseUrl(), `SELECT count(*) FROM _prisma_migrations`)).toBeNull();
    expect((await attempt(databaseUrl(), `DELETE FROM _prisma_migrations`))?.code).toBe(PERMISSION_DENIED);
  });
});

describe("the tables' owner", () => {
  it("is refused TRUNCATE of frozen records by their triggers", async () => {
    for (const table of FROZEN_TABLES) {
      const error = await attempt(ownerDatabaseUrl(), `TRUNCATE "${table}" CASCADE`);
      expect(error?.message, table).toMatch(/TRUNCATE is not allowed/);
    }
  });

  it("would not be allowed to run the portal in production", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerDatabaseUrl() }) });
    try {
      const check = await checkDatabaseRole(prisma);
      expect(check).toEqual({ role: OWNER_ROLE, problems: ["owner"] });
      expect(databaseRoleRefusal(check)).toContain(`connects as "${OWNER_ROLE}", which owns the portal's tables`);
    } finally {
      await prisma.$disconnect();
    }
  });
});

afterAll(async () => {
  // Nothing the attacks tried may have landed.
  await withClient(ownerDatabaseUrl(), async (c) => {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LedgerEntry"`);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(seededLedgerRows);
  });
});
