/**
 * The park window's review deadline (园区审核时限) on the real database, with a controlled
 * clock and the official 2026 calendar: the workflow starts it at submission, resubmission
 * and an overruled return; the deadline scan reminds the park on the due day, sends the red
 * notice and escalates to the finance office once past it (once per deadline, also when two
 * scans run at once); calendar changes recompute it; items from before it existed get one;
 * the park queue carries the badge's colour. Its own database: the scan reads every request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addCalendarDay, removeCalendarDay } from "@/lib/calendar/mutations/manage-calendar";
import { endOfShanghaiDay } from "@/lib/calendar/working-days";
import { verifyChain } from "@/lib/ledger/hash";
import { disputeReturn } from "@/lib/requests/mutations/enterprise-steps";
import { forwardRequest, returnRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { ruleOnDispute } from "@/lib/requests/mutations/supervision-steps";
import { listParkQueue } from "@/lib/requests/queries/list-park-queue";
import { getParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { at, codeOf, createRequestWorld, financingInput, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { migratedDatabase } from "./deadline-fixtures";
import type { FreshDatabase } from "./harness";

let db: FreshDatabase;
let prisma: PrismaClient;
let client: () => PrismaClient;
let w: TRequestWorld;
let a: TRequestWorld["actors"];
let kit: ReturnType<typeof workflowKit>;
const META = { ip: "127.0.0.1", userAgent: "park-review-deadline.test" };

beforeAll(async () => {
  ({ db, prisma, client } = await migratedDatabase("park_review"));
  w = await createRequestWorld(prisma, "prd");
  a = w.actors;
  kit = workflowKit(prisma, w);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const row = (id: string) => prisma.request.findUniqueOrThrow({ where: { id } });
const entries = (requestId: string) => prisma.ledgerEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
const financeUsers = () => [a.financeAdmin.userId, a.financeStaff.userId];

describe("the park review deadline", () => {
  it("starts at submission: 2 working days after the day, Labour Day skipped", async () => {
    const r = await kit.submitted(at("2026-04-30T10:00:00"));
    const item = await row(r.id);
    expect(item.parkDueAt).toEqual(endOfShanghaiDay("2026-05-07"));
    expect(item).toMatchObject({ parkDueProvisional: false, parkDeadlineStartAt: null, parkEscalatedAt: null });
    const [submit] = await entries(r.id);
    expect(submit!.content).toMatchObject({ parkDueAt: endOfShanghaiDay("2026-05-07").toISOString() });
    // Reviewed in time: the later tests' scans leave it alone.
    const forward = { requestId: r.id, version: r.version, bankOrgId: null, copyParticipating: false, note: null };
    await forwardRequest(prisma, a.parkStaff, forward, { now: at("2026-05-06T10:00:00") });
  });

  it("reminds the park on the due day, then sends the red notice and escalates once, however many scans run", async () => {
    const r = await kit.submitted(at("2026-06-01T10:00:00")); // Mon → due Wed 6/3
    const dueAt = endOfShanghaiDay("2026-06-03");

    const early = await scanDeadlines(prisma, { now: at("2026-06-02T10:00:00") });
    expect(early.park).toMatchObject({ yellow: 0, red: 0, escalated: 0 });

    const yellow = await scanDeadlines(prisma, { now: at("2026-06-03T09:00:00") });
    expect(yellow.park).toMatchObject({ yellow: 1, red: 0, escalated: 0 });
    expect((await scanDeadlines(prisma, { now: at("2026-06-03T16:00:00") })).park.yellow).toBe(0);
    expect(await kit.notified(r.id, "request.parkYellow")).toEqual(new Set([a.parkStaff.userId]));
    const notice = await prisma.notification.findFirstOrThrow({ where: { requestId: r.id, kind: "request.parkYellow" } });
    expect(notice.title).toContain("园区审核期限的最后一个工作日");
    expect(notice.params).toMatchObject({ dueAt: dueAt.toISOString() });

    // At the deadline itself nothing is overdue yet.
    expect((await scanDeadlines(prisma, { now: dueAt })).park).toMatchObject({ red: 0, escalated: 0 });

    // Past it: four scans at once, two database clients; one escalation, one red notice.
    const after = new Date(dueAt.getTime() + 1000);
    const [c1, c2] = [client(), client()];
    try {
      const results = await Promise.all([c1, c2, c1, c2].map((c) => scanDeadlines(c, { now: after })));
      expect(results.reduce((s, x) => s + x.park.escalated, 0)).toBe(1);
      expect(results.reduce((s, x) => s + x.park.red, 0)).toBe(1);
    } finally {
      await Promise.all([c1.$disconnect(), c2.$disconnect()]);
    }
    const again = await scanDeadlines(prisma, { now: at("2026-06-05T10:00:00") });
    expect(again.park).toMatchObject({ red: 0, escalated: 0 });

    const item = await row(r.id);
    expect(item).toMatchObject({ status: "SUBMITTED", version: r.version + 1 });
    expect(item.parkEscalatedAt).toEqual(after);
    const ledger = await entries(r.id);
    expect(ledger.map((e) => e.action)).toEqual(["SUBMIT", "PARK_REVIEW_ESCALATE"]);
    expect(ledger[1]).toMatchObject({ actorUserId: null, actorOrgId: null, fromStatus: "SUBMITTED", toStatus: "SUBMITTED" });
    expect(ledger[1]!.content).toEqual({ parkDueAt: dueAt.toISOString(), parkReviewDeadlineDays: 2, overdueWorkingDays: 1 });
    expect(verifyChain(ledger)).toBe(-1);
    expect(await kit.notified(r.id, "request.parkRed")).toEqual(new Set([a.parkStaff.userId]));
    // The finance office supervises the park windows; the park hears it was escalated.
    expect(await kit.notified(r.id, "request.parkEscalated")).toEqual(new Set([...financeUsers(), a.parkStaff.userId]));

    // The park still reviews it (the escalation moved its version on).
    const forward = { requestId: r.id, bankOrgId: null, copyParticipating: false, note: null };
    const now = { now: at("2026-06-05T11:00:00") };
    expect(await codeOf(forwardRequest(prisma, a.parkStaff, { ...forward, version: r.version }, now))).toBe("conflict");
    expect((await forwardRequest(prisma, a.parkStaff, { ...forward, version: item.version }, now)).status).toBe("FORWARDED");
  });

  it("restarts on resubmission and on an overruled return, and a new deadline escalates again once", async () => {
    const r = await kit.submitted(at("2026-06-22T10:00:00")); // Mon → due Wed 6/24
    await scanDeadlines(prisma, { now: at("2026-06-25T10:00:00") });
    const escalated = await row(r.id);
    expect(escalated.parkEscalatedAt).not.toBeNull();

    const returned = await returnRequest(
      prisma,
      a.parkStaff,
      { requestId: r.id, version: escalated.version, reason: "请补充流水" },
      { now: at("2026-06-25T11:00:00") },
    );
    const resubmitted = await saveRequest(
      prisma,
      a.enterpriseOwner,
      financingInput({ requestId: r.id, version: returned.version, submit: true }),
      { now: at("2026-06-26T10:00:00") }, // Fri → due Tue 6/30
    );
    const again = await row(r.id);
    expect(again).toMatchObject({ status: "SUBMITTED", parkEscalatedAt: null, parkDeadlineStartAt: null });
    expect(again.parkDueAt).toEqual(endOfShanghaiDay("2026-06-30"));
    expect((await scanDeadlines(prisma, { now: at("2026-06-30T12:00:00") })).park.escalated).toBe(0);
    expect((await scanDeadlines(prisma, { now: at("2026-07-01T08:00:00") })).park.escalated).toBe(1);
    expect((await scanDeadlines(prisma, { now: at("2026-07-01T09:00:00") })).park.escalated).toBe(0);
    expect((await entries(r.id)).filter((e) => e.action === "PARK_REVIEW_ESCALATE")).toHaveLength(2);
    expect(resubmitted.status).toBe("SUBMITTED");

    // Returned again, contested, and the finance office overrules: a fresh review period.
    const v = (await row(r.id)).version;
    const ret2 = await returnRequest(
      prisma,
      a.parkStaff,
      { requestId: r.id, version: v, reason: "仍缺材料" },
      { now: at("2026-07-01T10:00:00") },
    );
    const disputed = await disputeReturn(
      prisma,
      a.enterpriseOwner,
      { requestId: r.id, version: ret2.version, note: "材料已齐" },
      { now: at("2026-07-01T11:00:00") },
    );
    const ruling = at("2026-07-03T10:00:00"); // Fri → due Tue 7/7
    await ruleOnDispute(
      prisma,
      a.financeStaff,
      { requestId: r.id, version: disputed.version, upheld: false, note: "撤销退回" },
      { now: ruling },
    );
    const back = await row(r.id);
    expect(back).toMatchObject({ status: "SUBMITTED", parkEscalatedAt: null });
    expect(back.parkDeadlineStartAt).toEqual(ruling);
    expect(back.parkDueAt).toEqual(endOfShanghaiDay("2026-07-07"));
    expect((await kit.lastEntry(r.id)).content).toMatchObject({ upheld: false, parkDueAt: endOfShanghaiDay("2026-07-07").toISOString() });
  });

  it("moves with the calendar: a holiday added inside the window pushes it back, removing it restores it", async () => {
    const r = await kit.submitted(at("2026-12-01T10:00:00")); // Tue → due Thu 12/3
    expect((await row(r.id)).parkDueAt).toEqual(endOfShanghaiDay("2026-12-03"));

    const added = await addCalendarDay(prisma, a.financeAdmin, { date: "2026-12-02", kind: "HOLIDAY", name: "临时休假" }, META);
    expect(added.recompute).toMatchObject({ dueChanged: 1, parkDueChanged: 1 });
    const moved = await row(r.id);
    expect(moved.parkDueAt).toEqual(endOfShanghaiDay("2026-12-04"));
    const recompute = await kit.lastEntry(r.id);
    expect(recompute).toMatchObject({ action: "DEADLINE_RECOMPUTED", fromStatus: "SUBMITTED", toStatus: "SUBMITTED" });
    expect(recompute.content).toMatchObject({
      deadline: "parkReview",
      previousDueAt: endOfShanghaiDay("2026-12-03").toISOString(),
      dueAt: endOfShanghaiDay("2026-12-04").toISOString(),
      parkReviewDeadlineDays: 2,
    });

    // The scan judges the moved deadline: 12/3 is no longer the due day.
    expect((await scanDeadlines(prisma, { now: at("2026-12-03T10:00:00") })).park.yellow).toBe(0);

    await removeCalendarDay(prisma, a.financeAdmin, { date: "2026-12-02" }, META);
    expect((await row(r.id)).parkDueAt).toEqual(endOfShanghaiDay("2026-12-03"));
    expect((await scanDeadlines(prisma, { now: at("2026-12-03T11:00:00") })).park.yellow).toBe(1);
    expect(verifyChain(await entries(r.id))).toBe(-1);
  });

  it("gives items submitted before the rule existed their deadline from the submission, without a ledger entry", async () => {
    const old = await prisma.request.create({
      data: {
        serial: "PRD-OLD-000001",
        programId: w.programId,
        ruleVersionId: w.ruleVersionId,
        enterpriseId: w.enterpriseId,
        parkId: w.parkId,
        type: "FINANCING",
        status: "SUBMITTED",
        title: "升级前提交的诉求",
        description: "测试",
        preferredProducts: [],
        submittedAt: at("2026-09-29T10:00:00"), // Tue → 9/30, then National Day → Thu 10/8
      },
      select: { id: true },
    });
    const result = await scanDeadlines(prisma, { now: at("2026-09-30T10:00:00") });
    expect(result.park.started).toBe(1);
    expect((await row(old.id)).parkDueAt).toEqual(endOfShanghaiDay("2026-10-08"));
    expect(await entries(old.id)).toEqual([]);
    expect((await scanDeadlines(prisma, { now: at("2026-09-30T10:05:00") })).park.started).toBe(0);
  });

  it("shows the colour in the park's queue: red overdue, yellow due today, normal with days left", async () => {
    const now = at("2026-12-03T12:00:00");
    const queue = await listParkQueue(prisma, a.parkStaff, null, { now });
    const bySerial = new Map(queue.rows.map((x) => [x.serial, x]));
    const dueToday = queue.rows.find((x) => x.parkDueAt?.getTime() === endOfShanghaiDay("2026-12-03").getTime());
    expect(dueToday?.deadline).toEqual({ tone: "yellow", workingDaysLeft: 0 });
    const overdue = bySerial.get("PRD-OLD-000001");
    expect(overdue?.deadline?.tone).toBe("red");
    expect(overdue?.deadline?.workingDaysLeft).toBeLessThan(0);
    // The dashboard counts the two past their deadline (the overruled item's and the old one).
    expect((await getParkDashboard(prisma, a.parkStaff, now))?.queue.reviewOverdue).toEqual({ value: 2, capped: false });
    // Another park's window sees none of them.
    expect((await listParkQueue(prisma, a.otherParkStaff, null, { now })).rows).toEqual([]);
    const later = await kit.submitted(at("2026-12-03T09:00:00"));
    const fresh = (await listParkQueue(prisma, a.parkStaff, null, { now })).rows.find((x) => x.id === later.id);
    expect(fresh?.deadline).toEqual({ tone: "normal", workingDaysLeft: 2 });
  });

  it("escalates after the program's escalateAfterDays, and a rule version's own review period", async () => {
    await prisma.programRuleVersion.create({
      data: { programId: w.programId, version: 2, replyDeadlineDays: 5, escalateAfterDays: 1, parkReviewDeadlineDays: 3 },
    });
    const r = await kit.submitted(at("2026-07-06T10:00:00"));
    const dueAt = endOfShanghaiDay("2026-07-09"); // Mon + 3 working days
    expect((await row(r.id)).parkDueAt).toEqual(dueAt);
    const overdue = await scanDeadlines(prisma, { now: at("2026-07-10T23:00:00") });
    expect(await kit.notified(r.id, "request.parkRed")).toEqual(new Set([a.parkStaff.userId]));
    expect(overdue.park.escalated).toBe(0);
    expect((await scanDeadlines(prisma, { now: at("2026-07-11T00:00:01") })).park.escalated).toBe(1);
    expect((await kit.lastEntry(r.id)).content).toMatchObject({ parkReviewDeadlineDays: 3, overdueWorkingDays: 1 });
  });
});
