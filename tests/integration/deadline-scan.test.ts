/**
 * The deadline scan (lib/requests/mutations/scan-deadlines.ts) with a controlled clock, on
 * its own database with the official 2026 calendar (National Day: off 10-01..10-07,
 * adjusted working days 09-20 and 10-10): yellow on the due day and red after it (once
 * each), escalation right after the deadline (and after N working days when the rule
 * says so), the bulletin flag 5 working days after a reminder, auto-close after 10
 * working days unrated, renewal reminders at the lead time. Each test creates its own
 * requests after the previous tests' scans, so an earlier scan never saw them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadOfficialCalendarYear } from "@/lib/calendar/mutations/manage-calendar";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { addWorkingDays, endOfShanghaiDay, type WorkingCalendar } from "@/lib/calendar/working-days";
import { verifyChain } from "@/lib/ledger/hash";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { createRequest, createWorld, migratedDatabase, sh, type TWorld } from "./deadline-fixtures";
import type { FreshDatabase } from "./harness";

let db: FreshDatabase;
let prisma: PrismaClient;
let w: TWorld;
let cal: WorkingCalendar;

beforeAll(async () => {
  ({ db, prisma } = await migratedDatabase("deadline_scan"));
  w = await createWorld(prisma);
  await loadOfficialCalendarYear(prisma, w.financeAdmin, { year: 2026 }, { ip: "127.0.0.1", userAgent: "deadline-scan.test" });
  cal = await loadWorkingCalendar(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

async function notices(kind: string, requestId: string) {
  return prisma.notification.findMany({
    where: { kind, requestId },
    select: { id: true, userId: true, params: true, link: true, title: true },
  });
}

async function ledger(requestId: string) {
  return prisma.ledgerEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
}

async function request(id: string) {
  return prisma.request.findUniqueOrThrow({ where: { id } });
}

describe("deadline scan", () => {
  it("uses the official 2026 calendar", () => {
    // 5 working days after Tuesday 29 September: 30 Sep, 8, 9, 10 (Saturday, adjusted), 12 Oct.
    expect(addWorkingDays(sh("2026-09-29 10:00"), 5, cal)).toEqual(endOfShanghaiDay("2026-10-12"));
  });

  it("sends the yellow notice on the due day and the red one after it, once each, and escalates right after the deadline", async () => {
    const forwardedAt = sh("2026-06-01 10:00");
    const dueAt = addWorkingDays(forwardedAt, 5, cal);
    expect(dueAt).toEqual(endOfShanghaiDay("2026-06-08"));
    const id = await createRequest(prisma, w, { status: "SIGNED", forwardedAt, dueAt });

    await scanDeadlines(prisma, { now: sh("2026-06-07 10:00") }); // Sunday before the due day
    expect(await notices("request.yellow", id)).toHaveLength(0);

    const first = await scanDeadlines(prisma, { now: sh("2026-06-08 09:00") });
    expect(first.yellow).toBe(1);
    const again = await scanDeadlines(prisma, { now: sh("2026-06-08 16:00") });
    expect(again.yellow).toBe(0);
    const yellow = await notices("request.yellow", id);
    // Both users of the assigned bank, nobody else; the stored params keep the ISO deadline.
    expect(yellow.map((n) => n.userId).sort()).toEqual([w.users.bank, w.users.bank2].sort());
    expect(yellow[0]!.params).toMatchObject({ dueAt: dueAt.toISOString() });
    expect(yellow[0]!.link).toBe(`/requests/${id}`);
    expect(yellow[0]!.title).toContain("今天是答复期限的最后一个工作日");
    expect(await notices("request.red", id)).toHaveLength(0);

    // At the deadline itself: still yellow, not overdue, not escalated.
    await scanDeadlines(prisma, { now: dueAt });
    expect((await request(id)).status).toBe("SIGNED");
    expect(await notices("request.red", id)).toHaveLength(0);

    // One second later.
    const after = new Date(dueAt.getTime() + 1000);
    const red = await scanDeadlines(prisma, { now: after });
    expect(red).toMatchObject({ red: 1, escalated: 1 });
    const twice = await scanDeadlines(prisma, { now: new Date(after.getTime() + 60_000) });
    expect(twice).toMatchObject({ red: 0, escalated: 0 });
    expect(await notices("request.red", id)).toHaveLength(2);

    const r = await request(id);
    expect(r).toMatchObject({ status: "ESCALATED", escalationReason: "OVERDUE", version: 1 });
    expect(r.escalatedAt).toEqual(after);
    const entries = await ledger(id);
    expect(entries.map((e) => e.action)).toEqual(["SUBMIT", "ESCALATE"]);
    expect(entries[1]).toMatchObject({ actorUserId: null, actorOrgId: null, fromStatus: "SIGNED", toStatus: "ESCALATED" });
    expect(entries[1]!.content).toEqual({ reason: "OVERDUE", dueAt: dueAt.toISOString(), overdueWorkingDays: 1 });
    expect(verifyChain(entries)).toBe(-1);

    // Supervisors (finance office, central bank) and the bank; not the park or the enterprise.
    const escalated = await notices("request.escalated", id);
    expect(escalated.map((n) => n.userId).sort()).toEqual([w.users.finance, w.users.centralBank, w.users.bank, w.users.bank2].sort());
    expect(escalated[0]!.title).toContain("进入督办");
    // Every notified user has an address: one e-mail job per notification.
    const jobs = await prisma.job.findMany({ where: { kind: "email.send", dedupeKey: { in: escalated.map((n) => `email:${n.id}`) } } });
    expect(jobs).toHaveLength(4);
  });

  it("escalates only after the rule's working days overdue, counting the adjusted Saturday after National Day", async () => {
    const slow = await prisma.programRuleVersion.create({
      data: { programId: w.programId, version: 2, escalateAfterDays: 2 },
      select: { id: true },
    });
    const dueAt = endOfShanghaiDay("2026-10-09"); // Friday
    const id = await createRequest(prisma, w, { status: "FORWARDED", forwardedAt: sh("2026-09-29 10:00"), dueAt, ruleVersionId: slow.id });

    await scanDeadlines(prisma, { now: sh("2026-10-12 12:00") }); // 10-10 (Sat, working) = 1, 10-12 = 2: not more than 2 yet
    expect((await request(id)).status).toBe("FORWARDED");
    expect(await notices("request.red", id)).toHaveLength(2); // overdue all the same

    await scanDeadlines(prisma, { now: sh("2026-10-13 00:01") });
    const r = await request(id);
    expect(r).toMatchObject({ status: "ESCALATED", escalationReason: "OVERDUE" });
    const entries = await ledger(id);
    expect(entries.at(-1)!.content).toMatchObject({ overdueWorkingDays: 3 });
    expect(verifyChain(entries)).toBe(-1);
  });

  it("flags a reminded item for the bulletin after 5 working days across the National Day holiday, once", async () => {
    const id = await createRequest(prisma, w, {
      status: "ESCALATED",
      escalationReason: "OVERDUE",
      forwardedAt: sh("2026-09-18 10:00"),
      dueAt: endOfShanghaiDay("2026-09-24"),
      escalatedAt: sh("2026-09-25 00:05"),
      remindedAt: sh("2026-09-29 10:00"),
    });

    // Monday–Friday counting would reach 5 working days on 6 October; the holiday says no.
    await scanDeadlines(prisma, { now: sh("2026-10-08 12:00") });
    expect((await request(id)).inBulletin).toBe(false);
    await scanDeadlines(prisma, { now: sh("2026-10-10 18:00") }); // day 4 (the adjusted Saturday)
    expect((await request(id)).inBulletin).toBe(false);
    await scanDeadlines(prisma, { now: sh("2026-10-12 17:00") }); // during day 5
    expect((await request(id)).inBulletin).toBe(false);

    const result = await scanDeadlines(prisma, { now: sh("2026-10-13 00:10") }); // day 5 is over
    expect(result.bulletin).toBe(1);
    expect(await request(id)).toMatchObject({ inBulletin: true, status: "ESCALATED", version: 1 });
    expect((await scanDeadlines(prisma, { now: sh("2026-10-14 09:00") })).bulletin).toBe(0);

    const entries = await ledger(id);
    expect(entries.map((e) => e.action)).toEqual(["SUBMIT", "BULLETIN"]);
    expect(entries[1]).toMatchObject({ actorUserId: null, fromStatus: "ESCALATED", toStatus: "ESCALATED" });
    expect(entries[1]!.content).toMatchObject({ bulletinAfterRemindDays: 5, workingDaysSinceReminder: 6 });
    expect(verifyChain(entries)).toBe(-1);
  });

  it("closes an answer left unrated for 10 working days (not at 9) and tells the enterprise", async () => {
    // Answered Monday 28 September; working days: 9-29, 9-30, 10-08, 10-09, 10-10, 10-12 … 10-16 is the 10th.
    const id = await createRequest(prisma, w, {
      status: "ANSWERED",
      forwardedAt: sh("2026-09-21 10:00"),
      dueAt: endOfShanghaiDay("2026-09-28"),
      answeredAt: sh("2026-09-28 15:00"),
    });

    await scanDeadlines(prisma, { now: sh("2026-10-15 20:00") }); // 9 working days
    expect((await request(id)).status).toBe("ANSWERED");
    await scanDeadlines(prisma, { now: sh("2026-10-16 12:00") }); // during the 10th
    expect((await request(id)).status).toBe("ANSWERED");

    const now = sh("2026-10-17 08:00");
    expect((await scanDeadlines(prisma, { now })).autoClosed).toBe(1);
    expect((await scanDeadlines(prisma, { now: sh("2026-10-19 08:00") })).autoClosed).toBe(0);
    const r = await request(id);
    expect(r).toMatchObject({ status: "CLOSED", closeReason: "NOT_RATED", version: 1 });
    expect(r.closedAt).toEqual(now);
    const entries = await ledger(id);
    expect(entries.map((e) => e.action)).toEqual(["SUBMIT", "CLOSE"]);
    expect(entries[1]).toMatchObject({ actorUserId: null, fromStatus: "ANSWERED", toStatus: "CLOSED" });
    expect(entries[1]!.content).toMatchObject({ closeReason: "NOT_RATED" });
    expect(verifyChain(entries)).toBe(-1);
    expect((await notices("request.closed", id)).map((n) => n.userId)).toEqual([w.users.enterprise]);
  });

  it("gives an answer asking for documents its own limit: reminders before it, then 未补充材料, never the unrated close", async () => {
    // Answered Monday 19 October; 10 working days (the rule version's supplementDeadlineDays,
    // default 10): 10-20 … 10-23, 10-26 … 10-30, 11-02 is the 10th.
    const answeredAt = sh("2026-10-19 10:00");
    const id = await createRequest(prisma, w, {
      status: "ANSWERED",
      forwardedAt: sh("2026-10-12 10:00"),
      dueAt: endOfShanghaiDay("2026-10-19"),
      answeredAt,
      answerKind: "NEEDS_DOCUMENTS",
    });
    // A CAN_DO answer of the same moment: the unrated close takes it, not the documents one.
    const unrated = await createRequest(prisma, w, {
      status: "ANSWERED",
      forwardedAt: sh("2026-10-12 10:00"),
      dueAt: endOfShanghaiDay("2026-10-19"),
      answeredAt,
    });
    const limit = endOfShanghaiDay("2026-11-02");

    expect((await scanDeadlines(prisma, { now: sh("2026-10-28 10:00") })).documentsReminded).toBe(0); // 3 working days left
    const soon = await scanDeadlines(prisma, { now: sh("2026-10-29 10:00") }); // 10-30 and 11-02 left
    expect(soon.documentsReminded).toBe(1);
    expect((await scanDeadlines(prisma, { now: sh("2026-10-30 10:00") })).documentsReminded).toBe(0); // once per stage
    expect((await scanDeadlines(prisma, { now: sh("2026-11-02 09:00") })).documentsReminded).toBe(1); // the last day
    const reminders = await notices("request.documentsReminder", id);
    expect(reminders.map((n) => n.userId)).toEqual([w.users.enterprise, w.users.enterprise]);
    expect(reminders[0]!.params).toMatchObject({ dueAt: limit.toISOString() });
    expect(reminders[0]!.title).toContain("请尽快补充材料");
    expect((await request(id)).status).toBe("ANSWERED");

    const now = sh("2026-11-03 08:00");
    const closing = await scanDeadlines(prisma, { now });
    expect(closing).toMatchObject({ documentsClosed: 1, documentsReminded: 0 });
    expect(closing.autoClosed).toBeGreaterThanOrEqual(1);
    expect((await request(unrated)).closeReason).toBe("NOT_RATED");
    expect((await scanDeadlines(prisma, { now: sh("2026-11-04 08:00") })).documentsClosed).toBe(0);
    const r = await request(id);
    expect(r).toMatchObject({ status: "CLOSED", closeReason: "DOCUMENTS_NOT_SUPPLIED", version: 1 });
    expect(r.closedAt).toEqual(now);
    const entries = await ledger(id);
    expect(entries.map((e) => e.action)).toEqual(["SUBMIT", "CLOSE"]);
    expect(entries[1]).toMatchObject({ actorUserId: null, fromStatus: "ANSWERED", toStatus: "CLOSED" });
    expect(entries[1]!.content).toMatchObject({
      closeReason: "DOCUMENTS_NOT_SUPPLIED",
      supplementDeadlineDays: 10,
      documentsDueAt: limit.toISOString(),
    });
    expect(verifyChain(entries)).toBe(-1);
    const closedNotices = await notices("request.documentsNotSupplied", id);
    expect(closedNotices.map((n) => n.userId).sort()).toEqual([w.users.enterprise, w.users.bank, w.users.bank2].sort());
  });

  it("reminds the bank and the enterprise of a maturing loan at the lead time, not before, once", async () => {
    const requestId = await createRequest(prisma, w, { status: "CLOSED" });
    const loan = (
      await prisma.loanOutcome.create({
        data: {
          requestId,
          bankOrgId: w.bankOrgId,
          enterpriseId: w.enterpriseId,
          amountFen: 3_000_000_000n,
          annualRate: "3.4500",
          termMonths: 12,
          product: "科创贷",
          disbursedOn: new Date("2025-12-15"),
          maturesOn: new Date("2026-12-15"),
        },
        select: { id: true },
      })
    ).id;
    // Not disbursed: never reminded.
    await prisma.loanOutcome.create({
      data: {
        requestId,
        bankOrgId: w.bankOrgId,
        enterpriseId: w.enterpriseId,
        amountFen: 1_000_000n,
        annualRate: "3.0000",
        termMonths: 12,
        product: "未放款",
        maturesOn: new Date("2026-12-10"),
      },
    });
    const renewal = () =>
      prisma.notification.findMany({
        where: { kind: "loan.renewal", dedupeKey: { startsWith: "loan.renewal:" }, orgId: { in: [w.bankOrgId, w.enterpriseOrgId] } },
      });

    // 30 days before 15 December is 15 November.
    expect((await scanDeadlines(prisma, { now: sh("2026-11-14 23:30") })).renewal).toBe(0);
    expect(await renewal()).toHaveLength(0);
    expect((await scanDeadlines(prisma, { now: sh("2026-11-15 00:30") })).renewal).toBe(1);
    expect((await scanDeadlines(prisma, { now: sh("2026-11-20 09:00") })).renewal).toBe(0);

    const sent = await renewal();
    expect(sent.map((n) => n.userId).sort()).toEqual([w.users.bank, w.users.bank2, w.users.enterprise].sort());
    expect(sent.every((n) => n.dedupeKey!.startsWith(`loan.renewal:${loan}:`))).toBe(true);
    expect(sent[0]!.params).toMatchObject({ product: "科创贷", amount: "3,000.00", maturesOn: "2026-12-15" });
    expect(sent[0]!.body).toContain("2026年12月15日");
  });
});
