/**
 * "LedgerEntry" (解决台账) and "AuditLog" are append-only in the database itself: the
 * first migration adds triggers that refuse UPDATE, DELETE and TRUNCATE. Inserting must
 * keep working. Run as the tables' owner: the triggers hold even for the owner (unless
 * it disables them, which the last case does on purpose). The application's role cannot
 * even try (database-roles.test.ts).
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { verifyRequestLedger } from "@/lib/requests/queries/verify-request-ledger";
import { ownerDatabaseUrl, withClient } from "./harness";

const REFUSED = /append-only table "(LedgerEntry|AuditLog)": (UPDATE|DELETE|TRUNCATE) is not allowed/;

/** The error PostgreSQL raised for raw SQL (or null when the statement succeeded). */
async function sqlError(sql: string, params: unknown[] = []): Promise<{ code?: string; message: string } | null> {
  return withClient(ownerDatabaseUrl(), async (c) => {
    try {
      await c.query(sql, params);
      return null;
    } catch (error) {
      return error as { code?: string; message: string };
    }
  });
}

describe("append-only ledger and audit log", () => {
  let prisma: PrismaClient;
  let requestId: string;
  let ledgerId: bigint;
  let auditId: bigint;
  let newRequest: (suffix: string) => Promise<string>;

  beforeAll(async () => {
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerDatabaseUrl() }) });
    const tag = randomBytes(4).toString("hex");

    const parkOrg = await prisma.organization.create({ data: { kind: "PARK", name: `测试园区 ${tag}` } });
    const park = await prisma.park.create({ data: { orgId: parkOrg.id, code: `P-${tag}` } });
    const entOrg = await prisma.organization.create({ data: { kind: "ENTERPRISE", name: `测试企业 ${tag}` } });
    const enterprise = await prisma.enterprise.create({
      data: {
        orgId: entOrg.id,
        uscc: `91320000${tag}AB`.padEnd(18, "0").slice(0, 18),
        name: `测试企业 ${tag}`,
        parkId: park.id,
        industrySection: "C",
        size: "SMALL",
      },
    });
    const program = await prisma.program.create({ data: { name: "园区金融服务专项行动", docNumber: `测〔2026〕${tag}号`, year: 2026 } });
    const rules = await prisma.programRuleVersion.create({ data: { programId: program.id, version: 1 } });
    newRequest = async (suffix: string) =>
      (
        await prisma.request.create({
          data: {
            serial: `RQ2026-${tag}${suffix}`,
            programId: program.id,
            ruleVersionId: rules.id,
            enterpriseId: enterprise.id,
            parkId: park.id,
            type: "FINANCING",
            title: "流动资金贷款",
            description: "测试",
          },
          select: { id: true },
        })
      ).id;
    requestId = await newRequest("");
    const entry = await prisma.ledgerEntry.create({
      data: { requestId, seq: 1, action: "SUBMIT", toStatus: "SUBMITTED", hash: "h1", content: { note: "原始记录" } },
    });
    ledgerId = entry.id;
    const audit = await prisma.auditLog.create({ data: { action: "request.submit", targetType: "Request", targetId: requestId } });
    auditId = audit.id;
  });

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it("has the triggers, enabled", async () => {
    const rows = await withClient(
      ownerDatabaseUrl(),
      async (c) =>
        (
          await c.query<{ table: string; name: string; enabled: string }>(
            `SELECT c.relname AS table, t.tgname AS name, t.tgenabled AS enabled
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relname IN ('LedgerEntry', 'AuditLog')
            ORDER BY 1, 2`,
          )
        ).rows,
    );
    expect(rows).toEqual([
      { table: "AuditLog", name: "AuditLog_append_only", enabled: "O" },
      { table: "AuditLog", name: "AuditLog_no_truncate", enabled: "O" },
      { table: "LedgerEntry", name: "LedgerEntry_append_only", enabled: "O" },
      { table: "LedgerEntry", name: "LedgerEntry_no_truncate", enabled: "O" },
      // Not a guard: keeps the dashboards' ledger facts on "Request" (read models).
      { table: "LedgerEntry", name: "LedgerEntry_request_facts", enabled: "O" },
    ]);
  });

  it("still accepts new entries", async () => {
    const second = await prisma.ledgerEntry.create({
      data: { requestId, seq: 2, action: "COMMENT", prevHash: "h1", hash: "h2" },
    });
    expect(second.id).toBeGreaterThan(ledgerId);
    await prisma.auditLog.create({ data: { action: "request.view", outcome: "SUCCESS" } });
  });

  it("refuses UPDATE and DELETE of a ledger entry through Prisma", async () => {
    await expect(prisma.ledgerEntry.update({ where: { id: ledgerId }, data: { note: "改过" } })).rejects.toThrow(REFUSED);
    await expect(prisma.ledgerEntry.delete({ where: { id: ledgerId } })).rejects.toThrow(REFUSED);
    await expect(prisma.ledgerEntry.deleteMany({ where: { requestId } })).rejects.toThrow(REFUSED);
    const unchanged = await prisma.ledgerEntry.findUniqueOrThrow({ where: { id: ledgerId } });
    expect(unchanged.note).toBeNull();
    expect(unchanged.hash).toBe("h1");
  });

  it("refuses UPDATE and DELETE of an audit entry through Prisma", async () => {
    await expect(prisma.auditLog.update({ where: { id: auditId }, data: { outcome: "DENIED" } })).rejects.toThrow(REFUSED);
    await expect(prisma.auditLog.deleteMany({})).rejects.toThrow(REFUSED);
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: auditId } })).outcome).toBe("SUCCESS");
  });

  it.each(["LedgerEntry", "AuditLog"])("refuses UPDATE, DELETE and TRUNCATE of %s in raw SQL", async (table) => {
    const id = table === "LedgerEntry" ? ledgerId : auditId;
    for (const sql of [`UPDATE "${table}" SET "occurredAt" = now() WHERE id = $1`, `DELETE FROM "${table}" WHERE id = $1`]) {
      const error = await sqlError(sql, [id.toString()]);
      expect(error, sql).not.toBeNull();
      expect(error!.code).toBe("P0001");
      expect(error!.message).toMatch(REFUSED);
    }
    const truncate = await sqlError(`TRUNCATE "${table}" CASCADE`);
    expect(truncate?.message).toMatch(REFUSED);
    const { rows } = await withClient(ownerDatabaseUrl(), (c) => c.query(`SELECT count(*)::int AS n FROM "${table}"`));
    expect(rows[0].n).toBeGreaterThan(0);
  });

  describe("a hash-chained ledger written by appendLedgerEntry", () => {
    let chained: string;
    const occurredAt = new Date("2026-09-30T08:00:00.000Z");

    beforeAll(async () => {
      chained = await newRequest("-chain");
      await prisma.$transaction(async (tx) => {
        await appendLedgerEntry(tx, {
          requestId: chained,
          action: "SUBMIT",
          fromStatus: "DRAFT",
          toStatus: "SUBMITTED",
          content: { amountFen: "500000000" },
          occurredAt,
        });
        await appendLedgerEntry(tx, {
          requestId: chained,
          action: "FORWARD",
          fromStatus: "SUBMITTED",
          toStatus: "FORWARDED",
          content: { replyDeadlineDays: 5 },
          occurredAt,
        });
        await appendLedgerEntry(tx, { requestId: chained, action: "SIGN", fromStatus: "FORWARDED", toStatus: "SIGNED", occurredAt });
      });
    });

    it("verifies as stored", async () => {
      expect(await verifyRequestLedger(prisma, chained)).toEqual({ ok: true, brokenAtSeq: null, entries: 3 });
    });

    it("refuses plain SQL UPDATE of its content and DELETE through a pg client", async () => {
      const update = await sqlError(
        `UPDATE "LedgerEntry" SET content = '{"amountFen":"1"}'::jsonb WHERE "requestId" = $1::uuid AND seq = 1`,
        [chained],
      );
      expect(update?.message).toMatch(REFUSED);
      const del = await sqlError(`DELETE FROM "LedgerEntry" WHERE "requestId" = $1::uuid`, [chained]);
      expect(del?.message).toMatch(REFUSED);
      expect(await verifyRequestLedger(prisma, chained)).toEqual({ ok: true, brokenAtSeq: null, entries: 3 });
    });

    it("finds an entry edited at the storage level (trigger disabled by the table owner)", async () => {
      await withClient(ownerDatabaseUrl(), async (c) => {
        await c.query("BEGIN");
        await c.query(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_append_only"`);
        await c.query(`UPDATE "LedgerEntry" SET content = '{"replyDeadlineDays":10}'::jsonb WHERE "requestId" = $1::uuid AND seq = 2`, [
          chained,
        ]);
        await c.query(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_append_only"`);
        await c.query("COMMIT");
      });
      expect(await verifyRequestLedger(prisma, chained)).toEqual({ ok: false, brokenAtSeq: 2, entries: 3 });
      // The trigger is back for everyone else.
      const again = await sqlError(`UPDATE "LedgerEntry" SET note = 'x' WHERE "requestId" = $1::uuid`, [chained]);
      expect(again?.message).toMatch(REFUSED);
    });
  });
});
