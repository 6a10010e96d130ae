/**
 * The ledger's integrity check (lib/ledger/mutations/check-ledger-integrity.ts) against a
 * tamperer who owns the tables: one edits an entry in place with the append-only trigger
 * switched off; another rewrites an item's whole chain with every hash recomputed, which
 * no chain check can see. The first is found by the rolling sweep, the second by the
 * daily anchor; each is recorded once, tells the finance office, and shows on the item.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LedgerAction } from "@/lib/generated/prisma/enums";
import { chainEntries } from "@/lib/ledger/hash";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { checkLedgerIntegrity } from "@/lib/ledger/mutations/check-ledger-integrity";
import { LEDGER_ISSUES_SHOWN, readLedgerIntegrity } from "@/lib/ledger/queries/read-ledger-integrity";
import { getRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { verifyRequestLedger } from "@/lib/requests/queries/verify-request-ledger";
import { createRequest, createWorld, migratedDatabase, type TWorld } from "./deadline-fixtures";
import { withClient, type FreshDatabase } from "./harness";

const DAY_MS = 86_400_000;

let db: FreshDatabase;
let prisma: PrismaClient;
let w: TWorld;
const items: string[] = [];

/** Runs `sql` as the tables' owner with the ledger's append-only trigger switched off, as a tamperer would. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await withClient(db.url, async (c) => {
    await c.query(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_append_only"`);
    try {
      await c.query(sql, params);
    } finally {
      await c.query(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_append_only"`);
    }
  });
}

const financeNotices = (kind: string) =>
  prisma.notification.findMany({ where: { kind, userId: w.users.finance }, select: { link: true, title: true } });

beforeAll(async () => {
  ({ db, prisma } = await migratedDatabase("ledger_integrity"));
  w = await createWorld(prisma);
  for (let i = 0; i < 3; i++) {
    const id = await createRequest(prisma, w, { status: "FORWARDED", forwardedAt: new Date("2026-01-06T02:00:00Z") });
    await appendLedgerEntry(prisma, {
      requestId: id,
      action: LedgerAction.FORWARD,
      actorUserId: w.users.park,
      actorOrgId: w.parkOrgId,
      fromStatus: "SUBMITTED",
      toStatus: "FORWARDED",
      note: "已核实",
      occurredAt: new Date("2026-01-06T02:00:00Z"),
    });
    await appendLedgerEntry(prisma, {
      requestId: id,
      action: LedgerAction.SIGN,
      actorUserId: w.users.bank,
      actorOrgId: w.bankOrgId,
      fromStatus: "FORWARDED",
      toStatus: "SIGNED",
      occurredAt: new Date("2026-01-07T02:00:00Z"),
    });
    items.push(id);
  }
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("the ledger's integrity check", () => {
  it("passes intact chains and anchors the day before", async () => {
    const result = await checkLedgerIntegrity(prisma, { now: new Date("2026-01-08T02:00:00Z") });
    expect(result).toMatchObject({ checkedEntries: 9, sweptRequests: 3, anchoredDay: "2026-01-07", newIssues: 0 });
    const anchor = await prisma.ledgerAnchor.findUniqueOrThrow({ where: { day: new Date("2026-01-07T00:00:00Z") } });
    expect(anchor).toMatchObject({ requests: 3, entries: 9, prevDigest: null });
    // The next day's anchor links to it, after checking it against the ledger.
    const next = await checkLedgerIntegrity(prisma, { now: new Date("2026-01-09T02:00:00Z") });
    expect(next).toMatchObject({ anchoredDay: "2026-01-08", newIssues: 0 });
    expect((await prisma.ledgerAnchor.findUniqueOrThrow({ where: { day: new Date("2026-01-08T00:00:00Z") } })).prevDigest).toBe(
      anchor.digest,
    );
  });

  it("finds an entry edited in place, records it once and tells the finance office", async () => {
    const [item] = items;
    await tamper(`UPDATE "LedgerEntry" SET note = '核实后同意（改）' WHERE "requestId" = $1 AND seq = 2`, [item]);
    expect(await verifyRequestLedger(prisma, item!)).toMatchObject({ ok: false, brokenAtSeq: 2 });
    // The item's page says so to whoever opens it.
    const finance = { userId: w.users.finance, role: "FINANCE_ADMIN" as const, orgId: w.financeOrgId, orgKind: "FINANCE_OFFICE" as const };
    expect((await getRequestDetail(prisma, finance, item!))?.ledgerBrokenAtSeq).toBe(2);
    expect((await getRequestDetail(prisma, finance, items[2]!))?.ledgerBrokenAtSeq).toBeNull();

    const found = await checkLedgerIntegrity(prisma, { now: new Date("2026-01-09T03:00:00Z") });
    expect(found.newIssues).toBe(1);
    expect(await prisma.ledgerIntegrityIssue.findMany({ select: { kind: true, requestId: true, brokenAtSeq: true } })).toEqual([
      { kind: "CHAIN", requestId: item, brokenAtSeq: 2 },
    ]);
    expect(await financeNotices("ledger.chainBroken")).toEqual([expect.objectContaining({ link: `/requests/${item}` })]);

    // Found again on the next pass of the sweep, but recorded and told once.
    expect((await checkLedgerIntegrity(prisma, { now: new Date("2026-01-09T04:00:00Z") })).newIssues).toBe(0);
    expect(await financeNotices("ledger.chainBroken")).toHaveLength(1);
  });

  it("finds a chain rewritten with every hash recomputed through the day's anchor", async () => {
    const item = items[1]!;
    const entries = await prisma.ledgerEntry.findMany({ where: { requestId: item }, orderBy: { seq: "asc" } });
    const rewritten = chainEntries(entries.map((e) => ({ ...e, note: e.seq === 2 ? "未核实" : e.note })));
    for (const e of rewritten) {
      await tamper(`UPDATE "LedgerEntry" SET note = $3, "prevHash" = $4, hash = $5 WHERE "requestId" = $1 AND seq = $2`, [
        item,
        e.seq,
        e.note,
        e.prevHash,
        e.hash,
      ]);
    }
    // Every chain check passes: the rewrite is consistent.
    expect(await verifyRequestLedger(prisma, item)).toMatchObject({ ok: true });
    expect((await checkLedgerIntegrity(prisma, { now: new Date("2026-01-09T05:00:00Z"), sweepBatch: 10 })).newIssues).toBe(0);

    // The next day's run checks the latest anchor against the ledger before anchoring.
    const result = await checkLedgerIntegrity(prisma, { now: new Date("2026-01-10T02:00:00Z") });
    expect(result).toMatchObject({ anchoredDay: "2026-01-09", newIssues: 1 });
    expect(await prisma.ledgerIntegrityIssue.findFirst({ where: { kind: "ANCHOR" }, select: { anchorDay: true } })).toEqual({
      anchorDay: new Date("2026-01-08T00:00:00Z"),
    });
    expect(await financeNotices("ledger.anchorMismatch")).toEqual([expect.objectContaining({ link: "/ledger" })]);
  });

  it("keeps anchors and recorded breaks as they were made, for the owner too", async () => {
    for (const sql of [`UPDATE "LedgerAnchor" SET requests = 0`, `DELETE FROM "LedgerIntegrityIssue"`, `TRUNCATE "LedgerAnchor"`]) {
      await expect(withClient(db.url, (c) => c.query(sql))).rejects.toThrow(/append-only table/);
    }
  });

  it("checks each new entry once, from where the last run stopped", async () => {
    const before = await prisma.ledgerCheckState.findUniqueOrThrow({ where: { id: 1 } });
    const id = items[2]!;
    await appendLedgerEntry(prisma, {
      requestId: id,
      action: LedgerAction.ANSWER,
      actorUserId: w.users.bank,
      actorOrgId: w.bankOrgId,
      fromStatus: "SIGNED",
      toStatus: "ANSWERED",
      occurredAt: new Date("2026-01-10T02:00:00Z"),
    });
    const result = await checkLedgerIntegrity(prisma, { now: new Date(Date.now() + DAY_MS) });
    expect(result.checkedEntries).toBe(1);
    expect((await prisma.ledgerCheckState.findUniqueOrThrow({ where: { id: 1 } })).checkedUpToId).toBeGreaterThan(before.checkedUpToId);
  });

  it("shows the newest breaks on its page and says how many there are in all", async () => {
    const before = await prisma.ledgerIntegrityIssue.count();
    const extra = LEDGER_ISSUES_SHOWN + 5;
    await prisma.ledgerIntegrityIssue.createMany({
      data: Array.from({ length: extra }, (_, i) => ({ kind: "ANCHOR" as const, anchorDay: new Date(Date.UTC(2020, 0, 1) + i * DAY_MS) })),
    });
    const page = await readLedgerIntegrity(prisma);
    expect(page.issues).toHaveLength(LEDGER_ISSUES_SHOWN);
    expect(page.issuesTotal).toBe(before + extra);
  });
});
