/**
 * The editable working-day calendar (lib/calendar/mutations/manage-calendar.ts): each
 * change recomputes the reply deadline of the open requests it touches, in the same
 * transaction, with a DEADLINE_RECOMPUTED entry that continues the ledger's hash chain.
 * Runs on its own freshly seeded database (the seed only fills an empty one).
 *
 * Timing on a large database: scripts/bench/calendar-recompute.ts.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { addCalendarDay, loadOfficialCalendarYear, publishCalendarYear, removeCalendarDay } from "@/lib/calendar/mutations/manage-calendar";
import { addWorkingDays, isRangeProvisional, isWorkingDay, shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { verifyChain } from "@/lib/ledger/hash";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { RUNNING_DEADLINE_STATUSES } from "@/lib/requests/mutations/recompute-deadlines";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-11-20";
const META = { ip: "127.0.0.1", userAgent: "calendar.test" };
const DAY_MS = 86_400_000;

async function seeded(label: string, enterprises?: number) {
  const db = await createFreshDatabase(label);
  await migrate(db.url, { onLog: () => {} });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  await seedDemoData(prisma, { referenceDate: REFERENCE_DATE, ...(enterprises ? { enterprises } : {}) });
  const admin = await prisma.user.findFirstOrThrow({ where: { role: "FINANCE_ADMIN" }, select: { id: true, orgId: true } });
  return { db, prisma, actor: { userId: admin.id, orgId: admin.orgId } };
}

async function expectAppError(p: Promise<unknown>, code: string, fieldErrors?: Record<string, string>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

async function ledgerOf(prisma: PrismaClient, requestId: string) {
  return prisma.ledgerEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
}

/** Every request that must never be touched: no running deadline. */
async function closedSnapshot(prisma: PrismaClient) {
  const rows = await prisma.request.findMany({
    where: { OR: [{ status: { notIn: [...RUNNING_DEADLINE_STATUSES] } }, { answeredAt: { not: null } }] },
    select: { id: true, dueAt: true, dueProvisional: true, version: true, updatedAt: true, _count: { select: { ledger: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => JSON.stringify(r));
}

describe("the editable working-day calendar", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;
  let actor: { userId: string; orgId: string };

  beforeAll(async () => {
    ({ db, prisma, actor } = await seeded("calendar"));
  }, 240_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("loads the seeded calendar from the database, equal to the official data", async () => {
    const cal = await loadWorkingCalendar(prisma);
    // The seed stamps publishedAt only when the notice's source carries a date (2026's does).
    expect(cal.publishedYears.has(2026)).toBe(true);
    expect(cal.publishedYears.has(2027)).toBe(false);
    expect(isWorkingDay(new Date("2026-10-05T12:00:00+08:00"), cal)).toBe(false); // 国庆节
    expect(isWorkingDay(new Date("2026-10-10T12:00:00+08:00"), cal)).toBe(true); // Saturday, 调休上班
  });

  it("adding a holiday inside an open request's window moves its deadline one working day later, with a chained ledger entry", async () => {
    const before = await loadWorkingCalendar(prisma);
    const open = await prisma.request.findMany({
      where: { status: { in: ["FORWARDED", "SIGNED"] }, answeredAt: null, dueAt: { not: null } },
      select: { id: true, forwardedAt: true, dueAt: true, version: true, status: true },
      orderBy: { dueAt: "desc" },
    });
    // A request whose window (forwarding day, deadline day] holds a weekday that is a working day.
    let target: (typeof open)[number] | undefined;
    let holiday = "";
    for (const r of open) {
      for (let t = r.dueAt!.getTime(); t > r.forwardedAt!.getTime() + DAY_MS; t -= DAY_MS) {
        const iso = shanghaiDateString(new Date(t));
        const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6 && isWorkingDay(new Date(t), before)) {
          target = r;
          holiday = iso;
          break;
        }
      }
      if (target) break;
    }
    expect(target, "an open request with a working weekday in its window").toBeDefined();
    const oldDue = target!.dueAt!;
    const untouched = await closedSnapshot(prisma);
    const ledgerBefore = await ledgerOf(prisma, target!.id);

    const result = await addCalendarDay(prisma, actor, { date: holiday, kind: "HOLIDAY", name: "测试假日" }, META);
    expect(result.recompute.dueChanged).toBeGreaterThanOrEqual(1);

    const after = await loadWorkingCalendar(prisma);
    const row = await prisma.request.findUniqueOrThrow({ where: { id: target!.id } });
    expect(row.dueAt!.toISOString()).toBe(addWorkingDays(oldDue, 1, after).toISOString());
    expect(row.version).toBe(target!.version + 1);

    const ledger = await ledgerOf(prisma, target!.id);
    expect(ledger).toHaveLength(ledgerBefore.length + 1);
    const last = ledger.at(-1)!;
    expect(last.action).toBe("DEADLINE_RECOMPUTED");
    expect(last.fromStatus).toBe(target!.status);
    expect(last.toStatus).toBe(target!.status);
    expect(last.actorUserId).toBe(actor.userId);
    expect(last.content).toMatchObject({
      previousDueAt: oldDue.toISOString(),
      dueAt: row.dueAt!.toISOString(),
      reason: { change: "calendar.dayAdded", date: holiday, kind: "HOLIDAY", name: "测试假日" },
    });
    expect(last.prevHash).toBe(ledgerBefore.at(-1)!.hash);
    expect(verifyChain(ledger)).toBe(-1);

    // Every other open request agrees with the new calendar too.
    const all = await prisma.request.findMany({
      where: { status: { in: [...RUNNING_DEADLINE_STATUSES] }, answeredAt: null, dueAt: { not: null } },
      select: { forwardedAt: true, dueAt: true, ruleVersion: { select: { replyDeadlineDays: true } } },
    });
    for (const r of all) {
      expect(r.dueAt!.toISOString()).toBe(addWorkingDays(r.forwardedAt!, r.ruleVersion.replyDeadlineDays, after).toISOString());
    }

    // Closed, answered, withdrawn … requests are untouched.
    expect(await closedSnapshot(prisma)).toEqual(untouched);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "calendar.dayAdded", targetId: holiday } });
    expect(audit).toMatchObject({ actorUserId: actor.userId, outcome: "SUCCESS", ip: "127.0.0.1" });

    // Removing it moves the deadline back, with another entry.
    await removeCalendarDay(prisma, actor, { date: holiday }, META);
    const back = await prisma.request.findUniqueOrThrow({ where: { id: target!.id } });
    expect(back.dueAt!.toISOString()).toBe(oldDue.toISOString());
    const ledger2 = await ledgerOf(prisma, target!.id);
    expect(ledger2).toHaveLength(ledgerBefore.length + 2);
    expect(ledger2.at(-1)!.content).toMatchObject({ previousDueAt: row.dueAt!.toISOString(), dueAt: oldDue.toISOString() });
    expect(verifyChain(ledger2)).toBe(-1);
    expect(await prisma.auditLog.count({ where: { action: "calendar.dayRemoved", targetId: holiday } })).toBe(1);
    expect(await closedSnapshot(prisma)).toEqual(untouched);
  });

  it("a change outside every window touches nothing", async () => {
    const result = await addCalendarDay(prisma, actor, { date: "2026-03-03", kind: "HOLIDAY", name: "测试" }, META);
    expect(result.recompute).toMatchObject({ candidates: 0, dueChanged: 0, provisionalChanged: 0 });
    await removeCalendarDay(prisma, actor, { date: "2026-03-03" }, META);
  });

  it("refuses bad input in its own words", async () => {
    await expectAppError(addCalendarDay(prisma, actor, { date: "2026-02-30", kind: "HOLIDAY", name: "x" }, META), "invalidInput", {
      date: "badDate",
    });
    // 2026-12-02 is a Wednesday: an adjusted working day must be a weekend day.
    await expectAppError(addCalendarDay(prisma, actor, { date: "2026-12-02", kind: "WORKDAY", name: "x" }, META), "invalidInput", {
      date: "workdayNotWeekend",
    });
    // 国庆节 is already entered.
    await expectAppError(addCalendarDay(prisma, actor, { date: "2026-10-01", kind: "HOLIDAY", name: "国庆节" }, META), "invalidInput", {
      date: "duplicateDay",
    });
    await expectAppError(removeCalendarDay(prisma, actor, { date: "2026-12-02" }, META), "dayNotFound");
    await expectAppError(publishCalendarYear(prisma, actor, { year: 2031, source: "国办发明电〔2030〕1号" }, META), "noDaysInYear");
    await expectAppError(loadOfficialCalendarYear(prisma, actor, { year: 2031 }, META), "officialUnavailable");
  });

  it("a deadline in a year without a schedule is provisional until that year is published", async () => {
    // A request forwarded on 29 December 2026: 5 working days end in 2027, which has no data.
    const template = await prisma.request.findFirstOrThrow({ where: { status: "FORWARDED" } });
    const cal = await loadWorkingCalendar(prisma);
    const forwardedAt = new Date("2026-12-29T10:00:00+08:00");
    const dueAt = addWorkingDays(forwardedAt, 5, cal);
    expect(shanghaiDateString(dueAt)).toBe("2027-01-05"); // Mon–Fri assumed: 30, 31 Dec, 1, 4, 5 Jan
    expect(isRangeProvisional(forwardedAt, dueAt, cal)).toBe(true);
    const { id } = await prisma.request.create({
      data: {
        serial: "RQ2026-CAL001",
        programId: template.programId,
        ruleVersionId: template.ruleVersionId,
        enterpriseId: template.enterpriseId,
        parkId: template.parkId,
        assignedBankId: template.assignedBankId,
        type: "CONSULTATION",
        status: "FORWARDED",
        title: "跨年期限",
        description: "测试",
        submittedAt: forwardedAt,
        forwardedAt,
        dueAt,
        dueProvisional: true,
      },
    });
    await appendLedgerEntry(prisma, {
      requestId: id,
      action: "FORWARD",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      fromStatus: "SUBMITTED",
      toStatus: "FORWARDED",
      content: { dueAt: dueAt.toISOString() },
    });

    // Entering 元旦 2027 (not yet published) moves the deadline; it stays provisional.
    await addCalendarDay(prisma, actor, { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" }, META);
    let row = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(shanghaiDateString(row.dueAt!)).toBe("2027-01-06");
    expect(row.dueProvisional).toBe(true);

    // Publishing 2027 clears the flag; the deadline did not move, so no ledger entry.
    const published = await publishCalendarYear(prisma, actor, { year: 2027, source: "国办发明电〔2026〕9号" }, META);
    expect(published.recompute.provisionalChanged).toBeGreaterThanOrEqual(1);
    row = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(row.dueProvisional).toBe(false);
    expect(shanghaiDateString(row.dueAt!)).toBe("2027-01-06");
    const ledger = await ledgerOf(prisma, id);
    expect(ledger.map((e) => e.action)).toEqual(["FORWARD", "DEADLINE_RECOMPUTED"]);
    expect(verifyChain(ledger)).toBe(-1);
    expect(await prisma.calendarYear.findUniqueOrThrow({ where: { year: 2027 } })).toMatchObject({ source: "国办发明电〔2026〕9号" });
    expect(await prisma.auditLog.count({ where: { action: "calendar.yearPublished", targetId: "2027" } })).toBe(1);
    expect((await loadWorkingCalendar(prisma)).publishedYears.has(2027)).toBe(true);
  });

  it("loads an official year again without duplicating it", async () => {
    const days = await prisma.calendarDay.count();
    const result = await loadOfficialCalendarYear(prisma, actor, { year: 2026 }, META);
    expect(result).toMatchObject({ added: 0, updated: 0 });
    expect(await prisma.calendarDay.count()).toBe(days);
    expect(await prisma.auditLog.count({ where: { action: "calendar.officialLoaded", targetId: "2026" } })).toBe(1);
  });
});
