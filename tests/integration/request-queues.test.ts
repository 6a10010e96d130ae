/**
 * The bank inbox and the supervision queue on the real database,
 * at a controlled `now` (Wednesday 13 May 2026, 10:00 Shanghai) with a calendar of plain
 * weekends (passed in, so other test files' calendar rows cannot move a deadline):
 *   - a bank sees only its own items, a parent bank its sub-branches' too, never another
 *     bank's; copies are a separate list; colours and working days at `now`; red first;
 *   - the finance office and the central bank see the same supervision lists (overdue,
 *     escalated, disputed returns, withdrawals after answer, this quarter's bulletin);
 *     a bank or park user gets an empty queue.
 * Fixtures are plain inserts with unique names; other files' rows share the database, so
 * assertions look at this file's serials only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  BankLevel,
  EscalationReason,
  LedgerAction,
  OrgKind,
  PairingRole,
  RegistrationStatus,
  RequestStatus,
  RequestType,
  Role,
  RouteRole,
} from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { createWorkingCalendar, endOfShanghaiDay } from "@/lib/calendar/working-days";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { listBankInbox, type TInboxOptions } from "@/lib/requests/queries/list-bank-inbox";
import { listPassTargets, loadSupervisionOptions } from "@/lib/requests/queries/request-step-options";
import { listSupervisionQueue, SUPERVISION_TABS, type TSupervisionTab } from "@/lib/requests/queries/list-supervision-queue";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

const NOW = new Date("2026-05-13T02:00:00Z");
const calendar = createWorkingCalendar({ holidays: [], workdays: [], publishedYears: [2026] });
const DAY = 86_400_000;

let prisma: PrismaClient;
let tag: string;
const ids = {} as Record<"program" | "rule" | "park" | "enterprise" | "bankA" | "bankA1" | "bankB" | "red", string>;
const actors = {} as Record<"managerA" | "liaisonA1" | "liaisonB" | "finance" | "pbc" | "park", TActorSource>;

async function org(kind: OrgKind, name: string, extra: { parentId?: string; bankLevel?: BankLevel } = {}) {
  return (await prisma.organization.create({ data: { kind, name: `${name} ${tag}`, ...extra }, select: { id: true } })).id;
}

async function actor(orgId: string, orgKind: OrgKind, role: Role, label: string): Promise<TActorSource> {
  const u = await prisma.user.create({
    data: { orgId, role, account: `queues.${label}.${tag}`, name: `队列${label}`, recoveryCodes: [] },
    select: { id: true },
  });
  return { userId: u.id, orgId, orgKind, role };
}

const serial = (n: string) => `RQT-${tag}-${n}`;

async function request(
  n: string,
  data: Partial<{
    status: RequestStatus;
    assignedBankId: string | null;
    dueAt: Date | null;
    answeredAt: Date | null;
    escalationReason: EscalationReason;
    escalatedAt: Date;
    returnDisputedAt: Date;
    withdrawnAfterAnswer: boolean;
    inBulletin: boolean;
    bulletinAt: Date;
    remindedAt: Date;
  }>,
): Promise<string> {
  const r = await prisma.request.create({
    data: {
      serial: serial(n),
      programId: ids.program,
      ruleVersionId: ids.rule,
      enterpriseId: ids.enterprise,
      parkId: ids.park,
      type: RequestType.FINANCING,
      title: `诉求${n}`,
      description: "测试",
      amountFen: 5_000_000_000n,
      submittedAt: new Date(NOW.getTime() - 10 * DAY),
      forwardedAt: new Date(NOW.getTime() - 7 * DAY),
      status: RequestStatus.FORWARDED,
      ...data,
    },
    select: { id: true },
  });
  return r.id;
}

const serialsOf = (items: { serial: string }[]) => items.map((i) => i.serial).filter((s) => s.startsWith(`RQT-${tag}-`));

beforeAll(async () => {
  prisma = testPrisma();
  tag = uniqueTag();
  ids.program = (
    await prisma.program.create({ data: { name: `队列测试 ${tag}`, docNumber: `测〔2026〕${tag}号`, year: 2026 }, select: { id: true } })
  ).id;
  ids.rule = (
    await prisma.programRuleVersion.create({ data: { programId: ids.program, version: 1, replyDeadlineDays: 5 }, select: { id: true } })
  ).id;
  const parkOrg = await org(OrgKind.PARK, "园区");
  ids.park = (await prisma.park.create({ data: { orgId: parkOrg, code: `Q${tag}` }, select: { id: true } })).id;
  const entOrg = await org(OrgKind.ENTERPRISE, "企业");
  ids.enterprise = (
    await prisma.enterprise.create({
      data: {
        orgId: entOrg,
        uscc: `91Q${tag}`.toUpperCase().padEnd(18, "0"),
        name: `企业 ${tag}`,
        parkId: ids.park,
        industrySection: "C",
        size: "SMALL",
        registrationStatus: RegistrationStatus.APPROVED,
      },
      select: { id: true },
    })
  ).id;
  ids.bankA = await org(OrgKind.BANK, "甲银行分行", { bankLevel: BankLevel.BRANCH });
  ids.bankA1 = await org(OrgKind.BANK, "甲银行一支行", { parentId: ids.bankA, bankLevel: BankLevel.SUB_BRANCH });
  ids.bankB = await org(OrgKind.BANK, "乙银行分行", { bankLevel: BankLevel.BRANCH });
  actors.managerA = await actor(ids.bankA, OrgKind.BANK, Role.BANK_MANAGER, "managerA");
  actors.liaisonA1 = await actor(ids.bankA1, OrgKind.BANK, Role.BANK_LIAISON, "liaisonA1");
  actors.liaisonB = await actor(ids.bankB, OrgKind.BANK, Role.BANK_LIAISON, "liaisonB");
  actors.finance = await actor(await org(OrgKind.FINANCE_OFFICE, "金融办"), OrgKind.FINANCE_OFFICE, Role.FINANCE_STAFF, "finance");
  actors.pbc = await actor(await org(OrgKind.CENTRAL_BANK, "人民银行"), OrgKind.CENTRAL_BANK, Role.CENTRAL_BANK_STAFF, "pbc");
  actors.park = await actor(parkOrg, OrgKind.PARK, Role.PARK_STAFF, "park");

  await prisma.parkBankPairing.createMany({
    data: [
      { programId: ids.program, year: 2026, parkId: ids.park, bankOrgId: ids.bankA, role: PairingRole.MAIN },
      { programId: ids.program, year: 2026, parkId: ids.park, bankOrgId: ids.bankB, role: PairingRole.PARTICIPATING },
    ],
  });
  // The bank's items.
  ids.red = await request("red", { assignedBankId: ids.bankA1, dueAt: endOfShanghaiDay("2026-05-11") });
  await request("yellow", { status: RequestStatus.SIGNED, assignedBankId: ids.bankA, dueAt: endOfShanghaiDay("2026-05-13") });
  await request("normal", { assignedBankId: ids.bankA1, dueAt: endOfShanghaiDay("2026-05-15") });
  await request("answered", {
    status: RequestStatus.ANSWERED,
    assignedBankId: ids.bankA1,
    dueAt: endOfShanghaiDay("2026-05-08"),
    answeredAt: new Date(NOW.getTime() - 2 * DAY),
  });
  await request("answeredLongAgo", {
    status: RequestStatus.ANSWERED,
    assignedBankId: ids.bankA1,
    dueAt: endOfShanghaiDay("2026-03-20"),
    answeredAt: new Date(NOW.getTime() - 40 * DAY),
  });
  await request("closed", { status: RequestStatus.CLOSED, assignedBankId: ids.bankA, dueAt: endOfShanghaiDay("2026-05-01") });
  // Another bank's item, copied to the sub-branch.
  const copied = await request("otherBank", { assignedBankId: ids.bankB, dueAt: endOfShanghaiDay("2026-05-14") });
  await prisma.requestRoute.createMany({
    data: [
      { requestId: copied, bankOrgId: ids.bankB, role: RouteRole.PRIMARY },
      { requestId: copied, bankOrgId: ids.bankA1, role: RouteRole.COPY },
    ],
  });
  // Supervision.
  await request("escalated", {
    status: RequestStatus.ESCALATED,
    assignedBankId: ids.bankB,
    dueAt: endOfShanghaiDay("2026-05-20"),
    escalationReason: EscalationReason.UNSOLVABLE,
    escalatedAt: NOW,
  });
  await request("disputed", {
    status: RequestStatus.RETURNED,
    assignedBankId: null,
    dueAt: null,
    returnDisputedAt: new Date(NOW.getTime() - DAY),
  });
  await request("returned", { status: RequestStatus.RETURNED, assignedBankId: null, dueAt: null });
  await request("withdrawn", {
    status: RequestStatus.WITHDRAWN,
    assignedBankId: ids.bankB,
    withdrawnAfterAnswer: true,
    answeredAt: new Date(NOW.getTime() - 3 * DAY),
  });
  const bulletin = await request("bulletin", {
    status: RequestStatus.ESCALATED,
    assignedBankId: ids.bankB,
    dueAt: endOfShanghaiDay("2026-04-20"),
    escalationReason: EscalationReason.OVERDUE,
    remindedAt: new Date("2026-04-22T02:00:00Z"),
    inBulletin: true,
    bulletinAt: new Date("2026-05-06T02:00:00Z"),
  });
  const lastQuarter = await request("bulletinLastQuarter", {
    status: RequestStatus.ESCALATED,
    assignedBankId: ids.bankB,
    dueAt: endOfShanghaiDay("2026-03-02"),
    inBulletin: true,
    bulletinAt: new Date("2026-03-20T02:00:00Z"),
  });
  await prisma.$transaction(async (tx) => {
    await appendLedgerEntry(tx, { requestId: bulletin, action: LedgerAction.BULLETIN, occurredAt: new Date("2026-05-06T02:00:00Z") });
    await appendLedgerEntry(tx, { requestId: lastQuarter, action: LedgerAction.BULLETIN, occurredAt: new Date("2026-03-20T02:00:00Z") });
  });
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("listBankInbox", () => {
  const assigned = async (who: TActorSource, options: Omit<TInboxOptions, "list"> = {}) =>
    listBankInbox(prisma, who, { now: NOW, calendar, pageSize: 100, ...options, list: "assigned" });
  const copies = async (who: TActorSource) => listBankInbox(prisma, who, { now: NOW, calendar, pageSize: 100, list: "copies" });

  it("shows a parent bank its own and its sub-branches' items: red first, then by deadline, then recent answers", async () => {
    const inbox = await assigned(actors.managerA);
    expect(serialsOf(inbox.page.items)).toEqual([serial("red"), serial("yellow"), serial("normal"), serial("answered")]);
    const bySerial = new Map(inbox.page.items.map((i) => [i.serial, i]));
    expect(bySerial.get(serial("red"))?.deadline).toEqual({ tone: "red", workingDaysLeft: -2 });
    expect(bySerial.get(serial("yellow"))?.deadline).toEqual({ tone: "yellow", workingDaysLeft: 0 });
    expect(bySerial.get(serial("normal"))?.deadline).toEqual({ tone: "normal", workingDaysLeft: 2 });
    expect(bySerial.get(serial("answered"))?.deadline).toBeNull();
    expect(bySerial.get(serial("red"))?.amountFen).toBe("5000000000");
  });

  it("shows a sub-branch only its own items, and the copy in the separate list, each list with both totals", async () => {
    const mine = await assigned(actors.liaisonA1);
    expect(serialsOf(mine.page.items)).toEqual([serial("red"), serial("normal"), serial("answered")]);
    const copied = await copies(actors.liaisonA1);
    expect(serialsOf(copied.page.items)).toEqual([serial("otherBank")]);
    expect(copied.page.items[0]?.deadline?.tone).toBe("normal");
    expect(copied.page.items[0]?.reachedBankAt).toBeInstanceOf(Date);
    for (const inbox of [mine, copied])
      expect(inbox.totals).toEqual({
        assigned: { value: 3, capped: false },
        awaitingEnterprise: { value: 0, capped: false },
        copies: { value: 1, capped: false },
      });
  });

  it("never shows a bank another bank's items", async () => {
    // Bank B's own items only (oldest deadline first), none of bank A's or its sub-branch's.
    expect(serialsOf((await assigned(actors.liaisonB)).page.items)).toEqual([
      serial("bulletinLastQuarter"),
      serial("bulletin"),
      serial("otherBank"),
      serial("escalated"),
    ]);
    expect(serialsOf((await copies(actors.liaisonB)).page.items)).toEqual([]);
  });

  it("pages across running and answered items, forward and back", async () => {
    const first = await assigned(actors.managerA, { pageSize: 3 });
    expect(first.page).toMatchObject({ total: { value: 4, capped: false }, previous: null });
    expect(serialsOf(first.page.items)).toEqual([serial("red"), serial("yellow"), serial("normal")]);
    const second = await assigned(actors.managerA, { pageSize: 3, cursor: { direction: "after", token: first.page.next! } });
    expect(serialsOf(second.page.items)).toEqual([serial("answered")]);
    expect(second.page.next).toBeNull();
    const back = await assigned(actors.managerA, { pageSize: 3, cursor: { direction: "before", token: second.page.previous! } });
    expect(serialsOf(back.page.items)).toEqual(serialsOf(first.page.items));
    expect(back.page.previous).toBeNull();
  });

  it("gives anyone who is not a bank user nothing", async () => {
    for (const a of [actors.finance, actors.park]) {
      for (const inbox of [await assigned(a), await copies(a)]) {
        expect(inbox.page.items).toEqual([]);
        expect(inbox.totals.assigned.value + inbox.totals.copies.value).toBe(0);
      }
    }
  });
});

describe("listSupervisionQueue", () => {
  const all = async (user: TActorSource, tab: TSupervisionTab) =>
    listSupervisionQueue(prisma, user, { tab, now: NOW, calendar, pageSize: 10_000 });

  it("lists overdue and escalated items with days overdue, not items within their deadline", async () => {
    const q = await all(actors.finance, "supervision");
    const mine = serialsOf(q.items);
    expect(mine).toEqual(expect.arrayContaining([serial("red"), serial("escalated"), serial("bulletin"), serial("bulletinLastQuarter")]));
    for (const s of ["yellow", "normal", "answered", "otherBank", "closed", "disputed", "withdrawn"]) expect(mine).not.toContain(serial(s));
    const red = q.items.find((i) => i.serial === serial("red"));
    expect(red).toMatchObject({ daysOverdue: 2, bankName: `甲银行一支行 ${tag}`, escalationReason: null });
    expect(q.items.find((i) => i.serial === serial("escalated"))).toMatchObject({
      daysOverdue: null,
      escalationReason: EscalationReason.UNSOLVABLE,
    });
    expect(q.counts.supervision).toBeGreaterThanOrEqual(4);
  });

  it("lists disputed returns, unchecked withdrawals after an answer, and this quarter's bulletin", async () => {
    expect(serialsOf((await all(actors.finance, "disputes")).items)).toEqual([serial("disputed")]);
    expect(serialsOf((await all(actors.finance, "withdrawals")).items)).toEqual([serial("withdrawn")]);
    const bulletin = await all(actors.finance, "bulletin");
    expect(serialsOf(bulletin.items)).toEqual([serial("bulletin")]);
    expect(bulletin.items.find((i) => i.serial === serial("bulletin"))?.eventAt?.toISOString()).toBe("2026-05-06T02:00:00.000Z");
    expect(bulletin.quarter).toMatchObject({ year: 2026, quarter: 2 });
  });

  it("pages the supervision tab, read one state at a time and merged, in the same order as one read of the whole tab", async () => {
    // Other test files write to the same database at the same time: compare this file's items.
    const mine = (serials: string[]) => serials.filter((s) => s.startsWith(serial("")));
    const whole = mine(serialsOf((await all(actors.finance, "supervision")).items));
    const paged: string[] = [];
    let page = await listSupervisionQueue(prisma, actors.finance, { tab: "supervision", now: NOW, calendar, pageSize: 2 });
    paged.push(...serialsOf(page.items));
    while (page.next) {
      page = await listSupervisionQueue(prisma, actors.finance, {
        tab: "supervision",
        now: NOW,
        calendar,
        pageSize: 2,
        cursor: { direction: "after", token: page.next },
      });
      paged.push(...serialsOf(page.items));
    }
    expect(mine(paged)).toEqual(whole);
    // The same rows in the same order, straight from SQL.
    const expected = await prisma.$queryRaw<{ serial: string }[]>`
      SELECT serial FROM "Request"
       WHERE status = 'ESCALATED'
          OR (status IN ('FORWARDED', 'SIGNED') AND "answeredAt" IS NULL AND ("dueAt" < ${NOW} OR "escalationReason" = 'PASSED'))
       ORDER BY "dueAt" ASC NULLS LAST, "escalatedAt" ASC NULLS LAST, serial ASC`;
    expect(whole).toEqual(mine(expected.map((r) => r.serial)));
    expect(whole.length).toBeGreaterThanOrEqual(4);
  });

  it("shows the central bank the same lists", async () => {
    for (const tab of SUPERVISION_TABS) {
      const [finance, pbc] = await Promise.all([all(actors.finance, tab), all(actors.pbc, tab)]);
      expect(serialsOf(pbc.items)).toEqual(serialsOf(finance.items));
    }
  });

  it("gives a bank or a park user an empty queue with zero counts", async () => {
    for (const a of [actors.managerA, actors.liaisonB, actors.park]) {
      const q = await all(a, "supervision");
      expect(q.items).toEqual([]);
      expect(q.counts).toEqual({ supervision: 0, disputes: 0, withdrawals: 0, bulletin: 0 });
    }
  });
});

describe("step options", () => {
  it("offers the responsible bank the park's participating banks to pass to, and nobody else anything", async () => {
    expect(await listPassTargets(prisma, actors.liaisonA1, ids.red)).toEqual([{ id: ids.bankB, name: `乙银行分行 ${tag}` }]);
    expect(await listPassTargets(prisma, actors.liaisonB, ids.red)).toEqual([]);
    expect(await listPassTargets(prisma, actors.finance, ids.red)).toEqual([]);
  });

  it("offers the finance office every other bank and the rule's deadline; the central bank gets nothing", async () => {
    const options = await loadSupervisionOptions(prisma, actors.finance, ids.red);
    expect(options?.replyDeadlineDays).toBe(5);
    const bankIds = options?.banks.map((b) => b.id) ?? [];
    expect(bankIds).toEqual(expect.arrayContaining([ids.bankA, ids.bankB]));
    expect(bankIds).not.toContain(ids.bankA1);
    expect(await loadSupervisionOptions(prisma, actors.pbc, ids.red)).toBeNull();
  });
});
