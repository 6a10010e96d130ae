/**
 * The audit-log search and export on a database of their own (fresh, migrated), with
 * 200,000 bulk rows so EXPLAIN shows what the indexes do at a realistic size, plus a few
 * hand-made rows in January/February 2024 (outside the bulk's range) whose exact results
 * the filter tests check.
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_CSV_COLUMNS, CSV_BOM, type TAuditCsvHeadings } from "@/lib/audit/csv";
import { auditCsvChunks, type TAuditExportLabels } from "@/lib/audit/queries/audit-csv-chunks";
import { auditSearchSql, resolveAuditFilters, searchAuditLog, type TAuditRow } from "@/lib/audit/queries/search-audit-log";
import { parseAuditSearch, type TAuditCursor, type TAuditFilters } from "@/lib/audit/schemas";
import { migrate } from "@/scripts/db/migrate";
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-address";
import { createFreshDatabase, databaseUrl, withClient, type FreshDatabase } from "./harness";
import { session } from "../support/signed-in-session";

// Only for the route handler test at the end: the session is simulated, the rest is real.
vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));

const BULK_ROWS = 200_000;
const USERS = 40;

// Instants of the hand-made rows (Asia/Shanghai is UTC+8).
const at = (iso: string) => new Date(iso);

const labels: TAuditExportLabels = {
  headings: Object.fromEntries(AUDIT_CSV_COLUMNS.map((c) => [c, `h_${c}`])) as TAuditCsvHeadings,
  action: (a) => (a === "auth.signIn" ? "登录" : a),
  outcome: (o) => ({ SUCCESS: "成功", DENIED: "拒绝", FAILURE: "失败" })[o],
  capped: (max) => `已达到单次导出上限 ${max} 行`,
};

async function collect(chunks: AsyncGenerator<string, unknown>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: TPlanNode[]; [k: string]: unknown };

function nodes(plan: TPlanNode): TPlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe("audit log search and export", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;
  const users: Record<string, { id: string; orgId: string }> = {};
  let financeOrgId: string;
  let bankOrgId: string;

  beforeAll(async () => {
    db = await createFreshDatabase("audit");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });

    financeOrgId = (await prisma.organization.create({ data: { kind: "FINANCE_OFFICE", name: "市地方金融管理局", shortName: "金融局" } }))
      .id;
    bankOrgId = (await prisma.organization.create({ data: { kind: "BANK", name: "测试银行股份有限公司", shortName: "测试银行" } })).id;
    const parkOrgId = (await prisma.organization.create({ data: { kind: "PARK", name: "高新技术产业园" } })).id;
    const entOrgId = (await prisma.organization.create({ data: { kind: "ENTERPRISE", name: "融桥科技有限公司" } })).id;
    await prisma.organization.create({ data: { kind: "BANK", name: "无记录村镇银行" } });
    const orgs = [financeOrgId, bankOrgId, parkOrgId, entOrgId];
    const roles = ["FINANCE_ADMIN", "BANK_LIAISON", "PARK_STAFF", "ENTERPRISE_OWNER"] as const;
    for (let i = 0; i < USERS; i++) {
      const account = `user.${String(i).padStart(2, "0")}`;
      const u = await prisma.user.create({
        data: { account, name: `用户${i}`, orgId: orgs[i % 4]!, role: roles[i % 4]! },
        select: { id: true, orgId: true },
      });
      users[account] = u;
    }

    // 200,000 rows from 2026-06-30 back over ~174 days, two rows per instant (ties for the
    // keyset), 40 users, 2 % without an actor, ~5 % failures, ~1 % denied, rare "auth.locked".
    await withClient(db.url, (c) =>
      c.query(`
        WITH us AS (
          SELECT id, "orgId", (row_number() OVER (ORDER BY account))::int - 1 AS n FROM "User" WHERE account LIKE 'user.%'
        )
        INSERT INTO "AuditLog" ("occurredAt", "actorUserId", "actorOrgId", action, "targetType", "targetId", outcome, ip, "userAgent", details)
        SELECT timestamptz '2026-06-30 00:00:00+08' - (g / 2) * interval '150 seconds',
               CASE WHEN g % 50 = 0 THEN NULL ELSE us.id END,
               CASE WHEN g % 50 = 0 THEN NULL ELSE us."orgId" END,
               CASE WHEN g % 997 = 0 THEN 'auth.locked'
                    ELSE (ARRAY['auth.signIn', 'auth.signIn', 'auth.signOut', 'requests.view', 'users.created', 'pii.revealed', 'totp.enabled'])[1 + g % 7] END,
               'Session', 's-' || g,
               (CASE WHEN g % 101 = 3 THEN 'DENIED' WHEN g % 20 = 7 THEN 'FAILURE' ELSE 'SUCCESS' END)::"AuditOutcome",
               '10.0.' || (g % 250) || '.' || (g % 200), 'Mozilla/5.0', '{}'::jsonb
          FROM generate_series(0, ${BULK_ROWS - 1}) g
          JOIN us ON us.n = g % ${USERS}`),
    );

    const u = (account: string) => ({ actorUserId: users[account]!.id, actorOrgId: users[account]!.orgId });
    await prisma.auditLog.createMany({
      data: [
        // The evening of 10 Jan (Shanghai): outside a 2024-01-11 filter.
        { occurredAt: at("2024-01-10T15:59:59.999Z"), action: "auth.signIn", ...u("user.01"), ip: "10.9.0.1" },
        // 2024-01-11, from 00:00:00.000 to 23:59:59.999 Shanghai time.
        { occurredAt: at("2024-01-10T16:00:00.000Z"), action: "auth.signOut", ...u("user.01"), ip: "10.9.0.2" },
        {
          occurredAt: at("2024-01-11T04:00:00.000Z"),
          action: "auth.signIn",
          outcome: "FAILURE",
          ...u("user.02"),
          details: { reason: "wrongPassword" },
        },
        {
          occurredAt: at("2024-01-11T15:59:59.999Z"),
          action: "pii.revealed",
          ...u("user.03"),
          targetType: "User",
          targetId: "=cmd|' /C calc'!A0",
          details: { field: "mobile" },
        },
        // 12 Jan, 00:00 Shanghai: outside.
        { occurredAt: at("2024-01-11T16:00:00.000Z"), action: "authx.other", ...u("user.01") },
        { occurredAt: at("2024-01-11T16:00:01.000Z"), action: "authXsignIn", ...u("user.01") },
        {
          occurredAt: at("2024-01-11T16:00:02.000Z"),
          action: "auth.signIn",
          outcome: "FAILURE",
          details: { login: "nobody", reason: "unknownAccount" },
        },
        // 1 Feb: seven rows in the same millisecond, and three more around it.
        ...Array.from({ length: 7 }, (_, i) => ({
          occurredAt: at("2024-02-01T02:00:00.000Z"),
          action: "users.created",
          targetId: `tie-${i}`,
          ...u("user.04"),
        })),
        { occurredAt: at("2024-02-01T02:00:00.001Z"), action: "users.created", targetId: "after", ...u("user.04") },
        { occurredAt: at("2024-02-01T01:59:59.999Z"), action: "users.created", targetId: "before", ...u("user.04") },
        { occurredAt: at("2024-02-01T03:00:00.000Z"), action: "users.created", targetId: "later", ...u("user.05") },
      ],
    });
    // A quiet account: 30 rows spread over the bulk's whole range.
    const quiet = await prisma.user.create({
      data: { account: "quiet.user", name: "少用户", orgId: parkOrgId, role: "PARK_STAFF" },
      select: { id: true },
    });
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO "AuditLog" ("occurredAt", "actorUserId", "actorOrgId", action, outcome)
         SELECT timestamptz '2026-06-29 12:00:00+08' - g * interval '5 days', $1::uuid, $2::uuid, 'auth.signIn', 'SUCCESS'
           FROM generate_series(0, 29) g`,
        [quiet.id, parkOrgId],
      ),
    );
    await withClient(db.url, (c) => c.query(`ANALYZE "AuditLog"; ANALYZE "User"; ANALYZE "Organization"`));
  }, 300_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const search = (filters: TAuditFilters, cursor: TAuditCursor | null = null, limit = 50) =>
    searchAuditLog(prisma, filters, { cursor, limit });

  describe("filters", () => {
    const jan11 = { from: "2024-01-11", to: "2024-01-11" };

    it("interprets dates as whole Asia/Shanghai days, newest first", async () => {
      const { rows, next } = await search(jan11);
      expect(rows.map((r) => r.action)).toEqual(["pii.revealed", "auth.signIn", "auth.signOut"]);
      expect(rows.map((r) => r.occurredAt.toISOString())).toEqual([
        "2024-01-11T15:59:59.999Z",
        "2024-01-11T04:00:00.000Z",
        "2024-01-10T16:00:00.000Z",
      ]);
      expect(next).toBeNull();
    });

    it("an open-ended range takes everything after / before", async () => {
      const before = await search({ to: "2024-01-10" });
      expect(before.rows.map((r) => r.ip)).toEqual(["10.9.0.1"]);
      const after = await search({ from: "2026-06-30" }, null, 10);
      expect(after.rows).toHaveLength(2); // the two rows at 2026-06-30 00:00:00
    });

    it("joins account, name and organization name", async () => {
      const [pii] = (await search(jan11)).rows;
      expect(pii).toMatchObject({
        actorAccount: "user.03",
        actorName: "用户3",
        orgName: "融桥科技有限公司",
        targetType: "User",
        outcome: "SUCCESS",
        details: { field: "mobile" },
      });
    });

    it("filters by exact account; an unknown account finds nothing", async () => {
      const { rows } = await search({ ...jan11, account: "user.02" });
      expect(rows.map((r) => r.action)).toEqual(["auth.signIn"]);
      expect((await search({ ...jan11, account: "user.0" })).rows).toEqual([]);
      expect((await search({ account: "nobody.here" })).rows).toEqual([]);
    });

    it("filters by organization name or short name, case-insensitively, in part", async () => {
      // user.0N is in organization N % 4: finance office, bank, park, enterprise.
      const bank = await search({ from: "2024-01-01", to: "2024-01-31", org: "测试银行" });
      expect(new Set(bank.rows.map((r) => r.actorAccount))).toEqual(new Set(["user.01"]));
      expect(bank.rows.every((r) => r.orgName === "测试银行股份有限公司")).toBe(true);
      const byShort = await search({ from: "2024-02-01", to: "2024-02-01", org: "金融局" });
      // user.04 is in the finance office; user.05 ("later") in the bank.
      expect(byShort.rows.map((r) => r.targetId)).toEqual(["after", ...Array.from({ length: 7 }, (_, i) => `tie-${6 - i}`), "before"]);
      expect((await search({ from: "2024-01-01", to: "2024-01-31", org: "不存在的机构" })).rows).toEqual([]);
      expect(bankOrgId).toBe(users["user.01"]!.orgId);
    });

    it("filters by action prefix, with LIKE wildcards taken literally", async () => {
      const jan = { from: "2024-01-01", to: "2024-01-31" };
      const auth = await search({ ...jan, action: "auth." });
      expect(auth.rows.map((r) => r.action).sort()).toEqual(["auth.signIn", "auth.signIn", "auth.signIn", "auth.signOut"]);
      expect((await search({ ...jan, action: "auth.signIn" })).rows).toHaveLength(3);
      expect((await search({ ...jan, action: "auth_" })).rows).toEqual([]); // not "authX…"
      expect((await search({ ...jan, action: "authX" })).rows.map((r) => r.action)).toEqual(["authXsignIn"]);
    });

    it("filters by outcome, and combines filters", async () => {
      const failures = await search({ from: "2024-01-01", to: "2024-01-31", outcome: "FAILURE" });
      expect(failures.rows.map((r) => r.details)).toEqual([{ login: "nobody", reason: "unknownAccount" }, { reason: "wrongPassword" }]);
      expect(failures.rows[0]!.actorAccount).toBeNull();
      const combined = await search({ ...jan11, action: "auth.", outcome: "FAILURE", account: "user.02", org: "产业园" });
      expect(combined.rows.map((r) => r.action)).toEqual(["auth.signIn"]);
      expect((await search({ ...jan11, outcome: "DENIED" })).rows).toEqual([]);
    });

    it("counts match the bulk data over a large range", async () => {
      const { rows } = await search({ action: "auth.locked" }, null, 1000);
      expect(rows).toHaveLength(Math.ceil(BULK_ROWS / 997));
      expect(rows.every((r) => r.action === "auth.locked")).toBe(true);
    });
  });

  describe("keyset pagination on (occurredAt, id)", () => {
    async function walk(filters: TAuditFilters, limit: number): Promise<TAuditRow[]> {
      const out: TAuditRow[] = [];
      let cursor: TAuditCursor | null = null;
      for (let pages = 0; pages < 10_000; pages++) {
        const page = await search(filters, cursor, limit);
        out.push(...page.rows);
        if (!page.next) return out;
        expect(page.rows).toHaveLength(limit);
        cursor = page.next;
      }
      throw new Error("no end");
    }

    it("walks rows sharing one instant without losing or repeating any", async () => {
      const rows = await walk({ from: "2024-02-01", to: "2024-02-01" }, 3);
      expect(rows.map((r) => r.targetId)).toEqual([
        "later",
        "after",
        "tie-6",
        "tie-5",
        "tie-4",
        "tie-3",
        "tie-2",
        "tie-1",
        "tie-0",
        "before",
      ]);
    });

    it("gives the same rows as one ordered query, page by page (one account, 5,000 rows)", async () => {
      const rows = await walk({ account: "user.05", from: "2026-01-01" }, 50);
      const expected = await prisma.auditLog.findMany({
        where: { actorUserId: users["user.05"]!.id, occurredAt: { gte: at("2025-12-31T16:00:00Z") } },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      expect(expected.length).toBeGreaterThan(4000);
      expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id.toString()));
    });

    it("the next page continues right after the previous one on the whole table", async () => {
      const first = await search({}, null, 50);
      const second = await search({}, first.next, 50);
      const both = await search({}, null, 100);
      expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(both.rows.map((r) => r.id));
    });
  });

  describe("EXPLAIN on 200,000 rows", () => {
    const report: string[] = [];
    afterAll(() => console.log(`\nAudit search plans (${BULK_ROWS} bulk rows):\n${report.join("\n")}`));

    async function explain(name: string, filters: TAuditFilters, cursor: TAuditCursor | null = null) {
      const resolved = await resolveAuditFilters(prisma, filters);
      const sql = auditSearchSql(resolved!, cursor, 51);
      const [json] = await prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: TPlanNode; "Execution Time": number }] }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      );
      const text = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
      const top = json!["QUERY PLAN"][0];
      const all = nodes(top.Plan);
      // Scans of AuditLog, and the index scans under a bitmap heap scan of it.
      const onAudit = all.filter((n) => n["Relation Name"] === "AuditLog" || n["Index Name"]?.startsWith("AuditLog_"));
      const started = performance.now();
      await searchAuditLog(prisma, filters, { cursor });
      const roundTrip = performance.now() - started;
      report.push(
        `\n— ${name}: execution ${top["Execution Time"].toFixed(2)} ms, searchAuditLog round trip ${roundTrip.toFixed(1)} ms\n` +
          text.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"),
      );
      return { onAudit, ms: top["Execution Time"] };
    }

    const middle: TAuditCursor = { occurredAt: at("2026-03-15T00:00:00Z"), id: "100000" };

    it.each([
      ["no filter (first page)", {}, null, "AuditLog_occurredAt_idx"],
      ["no filter, deep page (cursor in the middle)", {}, middle, "AuditLog_occurredAt_idx"],
      ["deep page, one month", { from: "2026-03-01", to: "2026-03-31" }, middle, "AuditLog_occurredAt_idx"],
      ["one month", { from: "2026-03-01", to: "2026-03-31" }, null, "AuditLog_occurredAt_idx"],
      ["quiet account (30 rows)", { account: "quiet.user" }, null, "AuditLog_actorUserId_occurredAt_idx"],
      [
        "quiet account + one month + cursor",
        { account: "quiet.user", from: "2026-03-01", to: "2026-03-31" },
        middle,
        "AuditLog_actorUserId_occurredAt_idx",
      ],
      ["rare action (auth.locked)", { action: "auth.locked" }, null, "AuditLog_action_occurredAt_idx"],
    ] as const)("%s uses %s", async (name, filters, cursor, index) => {
      const { onAudit, ms } = await explain(name, filters as TAuditFilters, cursor);
      expect(onAudit.map((n) => n["Node Type"])).not.toContain("Seq Scan");
      expect(onAudit.map((n) => n["Index Name"])).toContain(index);
      expect(ms).toBeLessThan(500);
    });

    // The planner may pick the time index and filter (cheap when matches are common).
    it.each([
      ["busy account (5,000 rows: 1 in 40)", { account: "user.07" }],
      ["busy account + one month + cursor", { account: "user.07", from: "2026-03-01", to: "2026-03-31" }],
      ["common action prefix (auth.)", { action: "auth." }],
      // No index on outcome or organization: filters on the time-ordered scan.
      ["outcome DENIED", { outcome: "DENIED" }],
      ["organization", { org: "测试银行" }],
      ["organization + outcome + one month", { org: "测试银行", outcome: "FAILURE", from: "2026-03-01", to: "2026-03-31" }],
      ["organization with no row at all (worst case: the whole time index is read)", { org: "无记录村镇银行" }],
      ["sparse combination: organization + outcome + action", { org: "融桥科技", outcome: "DENIED", action: "auth.locked" }],
    ] as const)("%s: never a sequential scan of AuditLog", async (name, filters) => {
      const cursor = "from" in filters ? middle : null;
      const { onAudit } = await explain(name, filters as TAuditFilters, cursor);
      expect(onAudit.length).toBeGreaterThan(0);
      expect(onAudit.map((n) => n["Node Type"])).not.toContain("Seq Scan");
    });
  });

  describe("CSV export (auditCsvChunks)", () => {
    it("writes BOM, heading and one record per row, formula-safe", async () => {
      const csv = await collect(auditCsvChunks(prisma, { from: "2024-01-11", to: "2024-01-11" }, labels));
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      const lines = csv.slice(1).split("\r\n");
      expect(lines.at(-1)).toBe(""); // ends with CRLF
      expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.map((c) => `h_${c}`).join(","));
      expect(lines).toHaveLength(1 + 3 + 1);
      expect(lines[1]).toContain(
        ",2024-01-11 23:59:59,user.03,用户3,融桥科技有限公司,pii.revealed,pii.revealed,User,'=cmd|' /C calc'!A0,成功,",
      );
      expect(lines[1]).toMatch(/,"\{""field"":""mobile""\}"$/);
      expect(lines[2]).toContain(",2024-01-11 12:00:00,user.02,用户2,高新技术产业园,auth.signIn,登录,,,失败,");
      expect(lines[3]).toContain(",2024-01-11 00:00:00,user.01,");
    });

    it("an empty search gives just the heading", async () => {
      const csv = await collect(auditCsvChunks(prisma, { account: "nobody.here" }, labels));
      expect(csv).toBe(`${CSV_BOM}${AUDIT_CSV_COLUMNS.map((c) => `h_${c}`).join(",")}\r\n`);
    });

    it("stops at the cap with a last line saying so, and not when the rows fit exactly", async () => {
      const capped = await collect(auditCsvChunks(prisma, { from: "2024-02-01", to: "2024-02-01" }, labels, { maxRows: 4, batchSize: 3 }));
      const lines = capped.slice(1).trimEnd().split("\r\n");
      expect(lines).toHaveLength(1 + 4 + 1);
      expect(lines.at(-1)).toBe("已达到单次导出上限 4 行");
      const exact = await collect(auditCsvChunks(prisma, { from: "2024-02-01", to: "2024-02-01" }, labels, { maxRows: 10, batchSize: 3 }));
      const exactLines = exact.slice(1).trimEnd().split("\r\n");
      expect(exactLines).toHaveLength(1 + 10);
      expect(exactLines.at(-1)).toContain("before");
    });

    it("exports at most 100,000 rows of the whole table, newest first, in bounded time", async () => {
      const started = performance.now();
      let bytes = 0;
      let records = 0;
      let last = "";
      let previousTime = "9999";
      let ordered = true;
      for await (const chunk of auditCsvChunks(prisma, {}, labels)) {
        bytes += Buffer.byteLength(chunk);
        for (const line of chunk.split("\r\n")) {
          if (!line || line.startsWith(CSV_BOM)) continue;
          const time = line.split(",")[1] ?? "";
          if (/^\d{4}-/.test(time)) {
            records++;
            if (time > previousTime) ordered = false;
            previousTime = time;
          }
          last = line;
        }
      }
      const ms = performance.now() - started;
      console.log(`\nExport of 100,000 rows: ${(ms / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB`);
      expect(records).toBe(100_000);
      expect(ordered).toBe(true);
      expect(last).toBe("已达到单次导出上限 100000 行");
    });
  });

  describe("query parameters (parseAuditSearch)", () => {
    it("accepts empty parameters as no filter and normalises the outcome", () => {
      const r = parseAuditSearch({ from: "", to: "2026-03-05", account: " finance.admin ", outcome: "denied", action: "auth." });
      expect(r).toEqual({
        ok: true,
        filters: { to: "2026-03-05", account: "finance.admin", outcome: "DENIED", action: "auth." },
        cursor: null,
      });
    });

    it("gives one error code per bad field, never throws", () => {
      const r = parseAuditSearch(
        new URLSearchParams({
          from: "2026-02-30",
          to: "yesterday",
          action: "auth.%",
          outcome: "MAYBE",
          cursor: "abc",
          account: "x".repeat(65),
        }),
      );
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toEqual({
        from: "dateFormat",
        to: "dateFormat",
        action: "actionFormat",
        outcome: "outcome",
        cursor: "cursor",
        account: "accountTooLong",
      });
      expect(r.raw.outcome).toBe("MAYBE");
      const range = parseAuditSearch({ from: "2026-03-06", to: "2026-03-05" });
      expect(range.ok ? null : range.errors).toEqual({ to: "dateRange" });
    });

    it("reads back the cursor it writes", () => {
      const r = parseAuditSearch({ cursor: "1772690601000_12345" });
      expect(r).toMatchObject({ ok: true, cursor: { occurredAt: new Date(1772690601000), id: "12345" } });
    });
  });

  describe("GET /audit/export (route handler, on the run's shared database)", () => {
    let shared: PrismaClient;
    const sessionUsers: Partial<Record<"admin" | "liaison", TSessionUser>> = {};
    const tag = randomBytes(4).toString("hex");

    beforeAll(async () => {
      shared = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) });
      const make = async (kind: "FINANCE_OFFICE" | "BANK", role: "FINANCE_ADMIN" | "BANK_LIAISON", account: string) => {
        const org = await shared.organization.create({ data: { kind, name: `${kind} ${tag}` } });
        const user = await shared.user.create({ data: { orgId: org.id, role, account, name: "测试" } });
        return {
          sessionId: `s-${account}`,
          userId: user.id,
          account,
          name: user.name,
          role,
          orgId: org.id,
          orgKind: kind,
          orgName: org.name,
          mustChangePassword: false,
          needsTotpEnrolment: false,
          totpEnabled: true,
        } satisfies TSessionUser;
      };
      sessionUsers.admin = await make("FINANCE_OFFICE", "FINANCE_ADMIN", `admin.${tag}`);
      sessionUsers.liaison = await make("BANK", "BANK_LIAISON", `liaison.${tag}`);
      await shared.auditLog.create({
        data: { action: "auth.signIn", actorUserId: sessionUsers.admin.userId, actorOrgId: sessionUsers.admin.orgId, targetId: "=1+1" },
      });
    });

    afterAll(async () => {
      await shared?.$disconnect();
    });

    const get = async (query: string, user: TSessionUser | null) => {
      session.user = user;
      const { GET } = await import("@/app/(portal)/audit/export/route");
      return GET(
        new Request(`http://localhost/audit/export?${query}`, {
          // As the server entry stamps it (scripts/server.ts): the socket's address.
          headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "user-agent": "audit-test" },
        }),
      );
    };

    it("answers 401 signed out and 404 (audited as denied) without audit.export", async () => {
      expect((await get("", null)).status).toBe(401);
      const denied = await get("", sessionUsers.liaison!);
      expect(denied.status).toBe(404);
      expect(await denied.text()).toBe("页面不存在");
      const row = await shared.auditLog.findFirst({ where: { actorUserId: sessionUsers.liaison!.userId }, orderBy: { id: "desc" } });
      expect(row).toMatchObject({ action: "denied.audit.export", outcome: "DENIED", ip: "203.0.113.9" });
    });

    it("refuses bad filters with a Chinese message", async () => {
      const res = await get("from=2026-02-30", sessionUsers.admin!);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("日期格式应为");
    });

    it("streams the CSV and records the export with its filters", async () => {
      const res = await get(`account=${sessionUsers.admin!.account}&action=auth.`, sessionUsers.admin!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{8}-\d{6}\.csv"/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split("\r\n"); // the decoder drops the BOM
      expect(lines[0]).toBe("编号,时间（北京时间）,账号,姓名,机构,操作代码,操作,对象类型,对象编号,结果,IP 地址,浏览器,详情");
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(`,admin.${tag},测试,FINANCE_OFFICE ${tag},auth.signIn,登录,,'=1+1,成功,`);
      const exported = await shared.auditLog.findFirst({ where: { action: "audit.exported", actorUserId: sessionUsers.admin!.userId } });
      expect(exported?.details).toEqual({ filters: { account: `admin.${tag}`, action: "auth." }, maxRows: 100_000 });
    });
  });
});
