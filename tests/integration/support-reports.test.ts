/**
 * 1+1 monthly reports (帮扶进度月报) on the real database, with a controlled clock: the bank
 * files, the reviewing office returns with a reason, the bank refiles (both revisions
 * kept, the tables refuse edits), the office accepts and a class-B enterprise that got
 * credit moves to A with the report as its reason; a recorded loan does the same. The
 * refusals: another bank's pairing, the wrong state, a stale version, the office the rules
 * do not name, a month outside the program's reporting months. The deadline scan reminds on
 * the due day and flags a missing report late once (also with two scans at once).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import type { TActor } from "@/lib/auth/permissions";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { fileSupportReport } from "@/lib/support/mutations/file-support-report";
import { reviewSupportReport } from "@/lib/support/mutations/review-support-report";
import { saveSupportAssessment } from "@/lib/support/mutations/save-support-assessment";
import { saveSupportFile } from "@/lib/support/mutations/save-support-file";
import { getSupportReport } from "@/lib/support/queries/get-support-report";
import { listSupportReports } from "@/lib/support/queries/list-support-reports";
import { listSupportVerdicts } from "@/lib/support/queries/list-support-verdicts";
import {
  ZFileSupportReportInput,
  ZReviewSupportReportInput,
  ZSaveSupportAssessmentInput,
  ZSaveSupportFileInput,
} from "@/lib/support/schemas";
import { codeOf, createRequestWorld, type TRequestWorld, workflowKit } from "@/tests/factories/requests";
import { migratedDatabase, sh } from "./deadline-fixtures";
import type { FreshDatabase } from "./harness";

let db: FreshDatabase;
let prisma: PrismaClient;
let client: () => PrismaClient;
let w: TRequestWorld;
let pairingId: string;
let bank: TActor;
let otherBank: TActor;
let pbc: TActor;
let finance: TActor;
const META = { ip: "127.0.0.1", userAgent: "support-reports.test" };
const bankCtx = () => ({ bankOrgIds: [w.servicingBankOrgId] });

const fileInput = (month: string, version: number, extra: Record<string, string> = {}) =>
  ZFileSupportReportInput.parse({
    pairingId,
    month,
    version: String(version),
    plan: "辅导企业规范财务报表",
    progress: "客户经理两次上门，梳理资产负债表",
    a0Kind: "VISIT",
    a0Date: `${month}-08`,
    a0Topics: "财务制度",
    a0Attendees: "财务负责人、客户经理",
    a1Kind: "COACHING",
    a1Date: `${month}-15`,
    a1Topics: "现金流量表编制",
    a1Attendees: "会计两人",
    ...extra,
  });
const review = (reportId: string, version: number, decision: "accept" | "return", reason = "") =>
  ZReviewSupportReportInput.parse({ reportId, version: String(version), decision, reason });

beforeAll(async () => {
  ({ db, prisma, client } = await migratedDatabase("support_reports"));
  w = await createRequestWorld(prisma, "sup");
  const a = w.actors;
  bank = actorOf(a.mainBankLiaison);
  otherBank = actorOf(a.otherBankLiaison);
  pbc = actorOf(a.centralBankStaff);
  finance = actorOf(a.financeStaff);
  pairingId = (await prisma.enterpriseBankPairing.findFirstOrThrow({ where: { enterpriseId: w.enterpriseId }, select: { id: true } })).id;
  // Paired since August, so the scan's months start with the program's start month.
  await prisma.enterpriseBankPairing.update({ where: { id: pairingId }, data: { createdAt: sh("2026-08-01 09:00") } });
  await prisma.enterprise.update({ where: { id: w.enterpriseId }, data: { supportClass: "B" } });
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("the support file", () => {
  it("is created by the pairing's bank, edited with its version, refused to another bank and to a stale form", async () => {
    const input = (version: number, profile = "规上工业企业，主营农机配件") =>
      ZSaveSupportFileInput.parse({
        pairingId,
        version: String(version),
        profile,
        coachingPlan: "财务辅导，每月一次",
        creditLineTarget: "300",
        otherTargets: "年内首贷",
      });
    expect(await codeOf(saveSupportFile(prisma, otherBank, { bankOrgIds: [w.otherBankOrgId] }, input(0), META))).toBe("notFound");
    expect(await saveSupportFile(prisma, bank, bankCtx(), input(0), META)).toMatchObject({ version: 1 });
    expect(await codeOf(saveSupportFile(prisma, bank, bankCtx(), input(0), META))).toBe("conflict");
    expect(await saveSupportFile(prisma, bank, bankCtx(), input(1, "规上工业企业"), META)).toMatchObject({ version: 2 });
    const file = await prisma.supportFile.findUniqueOrThrow({ where: { pairingId } });
    expect(file).toMatchObject({ profile: "规上工业企业", creditLineTargetFen: 300_000_000n, version: 2 });
  });
});

describe("a monthly report: filed, returned, refiled, accepted", () => {
  it("keeps every revision and decision, and moves the class-B enterprise to A with the report as the reason", async () => {
    const filed = await fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-11", 0), META, sh("2026-11-20 10:00"));
    expect(filed).toMatchObject({ revision: 1, version: 1, late: false });
    // Notified to the central bank branch (the default reviewing office).
    expect(await prisma.notification.count({ where: { kind: "support.reportFiled", userId: w.actors.centralBankStaff.userId } })).toBe(1);

    const returned = await reviewSupportReport(
      prisma,
      pbc,
      review(filed.reportId, 1, "return", "走访记录缺少参加人员签字"),
      META,
      sh("2026-11-21 10:00"),
    );
    expect(returned.version).toBe(2);
    expect(await prisma.supportReport.findUniqueOrThrow({ where: { id: filed.reportId } })).toMatchObject({
      status: "RETURNED",
      returnReason: "走访记录缺少参加人员签字",
    });

    const refiled = await fileSupportReport(
      prisma,
      bank,
      bankCtx(),
      fileInput("2026-11", 2, { creditGranted: "120.5" }),
      META,
      sh("2026-11-25 10:00"),
    );
    expect(refiled).toMatchObject({ reportId: filed.reportId, revision: 2, version: 3, late: false });

    const accepted = await reviewSupportReport(prisma, pbc, review(filed.reportId, 3, "accept"), META, sh("2026-11-26 10:00"));
    expect(accepted.classChangeId).not.toBeNull();

    const detail = (await getSupportReport(prisma, pbc, {}, filed.reportId))!;
    expect(detail).toMatchObject({ status: "ACCEPTED", revision: 2, late: false });
    expect(detail.revisions.map((r) => [r.revision, r.creditGrantedFen])).toEqual([
      [2, "120500000"],
      [1, "0"],
    ]);
    expect(detail.revisions[1]!.activities).toEqual([
      { kind: "VISIT", date: "2026-11-08", topics: "财务制度", attendees: "财务负责人、客户经理" },
      { kind: "COACHING", date: "2026-11-15", topics: "现金流量表编制", attendees: "会计两人" },
    ]);
    expect(detail.reviews.map((r) => [r.revision, r.decision, r.reason])).toEqual([
      [2, "ACCEPT", null],
      [1, "RETURN", "走访记录缺少参加人员签字"],
    ]);

    const enterprise = await prisma.enterprise.findUniqueOrThrow({ where: { id: w.enterpriseId }, include: { classChanges: true } });
    expect(enterprise.supportClass).toBe("A");
    expect(enterprise.classChanges).toHaveLength(1);
    expect(enterprise.classChanges[0]).toMatchObject({ fromClass: "B", toClass: "A", changedById: pbc.userId });
    expect(enterprise.classChanges[0]!.reason).toContain("2026-11");
    expect(enterprise.classChanges[0]!.reason).toContain(filed.reportId);
    expect(enterprise.classChanges[0]!.reason).toContain("120.50 万元");

    const audit = await prisma.auditLog.findMany({
      where: { targetId: filed.reportId },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "support.reportFiled",
      "support.reportReturned",
      "support.reportRefiled",
      "support.reportAccepted",
    ]);

    // Append-only: the database refuses to edit a revision or a review.
    await expect(
      prisma.$executeRawUnsafe(`UPDATE "SupportReportRevision" SET plan = 'x' WHERE "reportId" = $1::uuid`, filed.reportId),
    ).rejects.toThrow();
    await expect(
      prisma.$executeRawUnsafe(`DELETE FROM "SupportReportReview" WHERE "reportId" = $1::uuid`, filed.reportId),
    ).rejects.toThrow();
  });

  it("refuses another bank's pairing, the wrong state, a stale version, the office the rules do not name, a month not reported", async () => {
    // Another bank cannot file for, or see, this pairing's reports.
    expect(
      await codeOf(
        fileSupportReport(prisma, otherBank, { bankOrgIds: [w.otherBankOrgId] }, fileInput("2026-10", 0), META, sh("2026-10-20 10:00")),
      ),
    ).toBe("notFound");
    const list = await listSupportReports(prisma, otherBank, { bankOrgIds: [w.otherBankOrgId] }, { status: null });
    expect(list.rows).toEqual([]);
    // An accepted report is not filed again, nor reviewed again.
    const nov = (await prisma.supportReport.findFirstOrThrow({ where: { pairingId, status: "ACCEPTED" } })).id;
    expect(await codeOf(fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-11", 4), META, sh("2026-11-27 10:00")))).toBe(
      "invalidState",
    );
    expect(await codeOf(reviewSupportReport(prisma, pbc, review(nov, 4, "return", "再看看"), META))).toBe("invalidState");

    const oct = await fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-10", 0), META, sh("2026-10-20 10:00"));
    // Filed, not yet reviewed: filing again is the wrong state; a form of before the filing is stale.
    expect(await codeOf(fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-10", 1), META, sh("2026-10-21 10:00")))).toBe(
      "invalidState",
    );
    expect(await codeOf(fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-10", 0), META, sh("2026-10-21 10:00")))).toBe(
      "conflict",
    );
    expect(await codeOf(reviewSupportReport(prisma, pbc, review(oct.reportId, 0, "accept"), META))).toBe("conflict");
    // The finance office reviews only when the program's rule says so.
    expect(await codeOf(reviewSupportReport(prisma, finance, review(oct.reportId, 1, "accept"), META))).toBe("forbidden");
    // A bank may not review, and a return needs a reason.
    expect(await codeOf(reviewSupportReport(prisma, bank, review(oct.reportId, 1, "accept"), META))).toBe("forbidden");
    expect(ZReviewSupportReportInput.safeParse({ reportId: oct.reportId, version: "1", decision: "return", reason: " " }).success).toBe(
      false,
    );
    // Before the program's start month (August), and a month still to come.
    expect(await codeOf(fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-07", 0), META, sh("2026-10-20 10:00")))).toBe(
      "invalidInput",
    );
    expect(await codeOf(fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-12", 0), META, sh("2026-10-20 10:00")))).toBe(
      "invalidInput",
    );
  });
});

describe("late reports and the deadline scan", () => {
  it("reminds on the due day, and flags a missing report late once, also with two scans at once", async () => {
    const bankUsers = [w.actors.mainBankLiaison.userId, w.actors.mainBankManager.userId];
    // 30 September is September's due day (the rule's 31 is the month's last day).
    const due = await scanDeadlines(prisma, { now: sh("2026-09-30 10:00") });
    expect(due.support).toEqual({ reminded: 1, flagged: 1 }); // August is already late
    expect((await scanDeadlines(prisma, { now: sh("2026-09-30 16:00") })).support.flagged).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "support.reportDue", userId: { in: bankUsers } } })).toBe(2);

    // 1 October: September is past due. Two scans at once flag it once.
    const results = await Promise.all([client(), client()].map((c) => scanDeadlines(c, { now: sh("2026-10-01 09:00") })));
    expect(results.map((r) => r.support.flagged).reduce((x, y) => x + y, 0)).toBe(1);
    const late = await prisma.supportReport.findMany({ where: { pairingId, status: "OVERDUE" }, orderBy: { month: "asc" } });
    expect(late.map((r) => [r.month.toISOString().slice(0, 7), r.dueOn.toISOString().slice(0, 10), r.lateAt !== null])).toEqual([
      ["2026-08", "2026-08-31", true],
      ["2026-09", "2026-09-30", true],
    ]);
    expect((await scanDeadlines(prisma, { now: sh("2026-10-02 09:00") })).support).toEqual({ reminded: 0, flagged: 0 });
    // One late notice per report and bank user, however often the scan ran.
    const notices = await prisma.notification.findMany({ where: { kind: "support.reportLate" }, select: { userId: true, link: true } });
    expect(notices).toHaveLength(4);
    expect(new Set(notices.map((n) => n.userId))).toEqual(new Set(bankUsers));

    // The bank files the late month: it takes over the flagged row and stays marked late.
    const sep = late[1]!;
    const filed = await fileSupportReport(prisma, bank, bankCtx(), fileInput("2026-09", sep.version), META, sh("2026-10-03 10:00"));
    expect(filed).toMatchObject({ reportId: sep.id, revision: 1, late: true });
    const page = await listSupportReports(prisma, pbc, {}, { status: "OVERDUE" });
    expect(page.rows.map((r) => r.month)).toEqual(["2026-08"]);
    expect(page.rows[0]!.late).toBe(true);
  });
});

describe("B → A when a loan is recorded", () => {
  it("moves a class-B enterprise to A with the loan as the reason", async () => {
    await prisma.enterprise.update({ where: { id: w.enterpriseId }, data: { supportClass: "B" } });
    const signed = await workflowKit(prisma, w).signed(sh("2026-10-12 10:00"));
    await answerRequest(
      prisma,
      w.actors.mainBankLiaison,
      {
        requestId: signed.id,
        version: signed.version,
        kind: "GRANTED",
        amountFen: "200000000",
        annualRate: "3.45",
        termMonths: 12,
        product: "科技贷",
        guarantee: null,
        isFirstLoan: true,
        isCreditLoan: true,
        grantedOn: "2026-10-13",
        disbursedOn: null,
        maturesOn: null,
      },
      { now: sh("2026-10-13 10:00") },
    );
    const loan = await prisma.loanOutcome.findFirstOrThrow({ where: { requestId: signed.id } });
    const e = await prisma.enterprise.findUniqueOrThrow({
      where: { id: w.enterpriseId },
      include: { classChanges: { where: { changedAt: sh("2026-10-13 10:00") } } },
    });
    expect(e.supportClass).toBe("A");
    expect(e.classChanges).toHaveLength(1);
    expect(e.classChanges[0]).toMatchObject({ fromClass: "B", toClass: "A", changedById: w.actors.mainBankLiaison.userId });
    expect(e.classChanges[0]!.reason).toContain(loan.id);
    expect(e.classChanges[0]!.reason).toContain("200.00 万元");
  });
});

describe("the year-end assessment", () => {
  it("scores a pairing and puts it on the commendation or criticism list", async () => {
    const input = (version: number, s: number) =>
      ZSaveSupportAssessmentInput.parse({
        pairingId,
        version: String(version),
        coachingScore: String(s),
        creditScore: String(s),
        reportingScore: String(s),
        comment: "",
      });
    expect(await codeOf(saveSupportAssessment(prisma, bank, input(0, 90), META))).toBe("forbidden");
    expect(await saveSupportAssessment(prisma, pbc, input(0, 90), META)).toMatchObject({ version: 1, totalScore: 90, verdict: "COMMEND" });
    expect((await listSupportVerdicts(prisma, 2026)).COMMEND.map((r) => r.pairingId)).toEqual([pairingId]);
    expect(await codeOf(saveSupportAssessment(prisma, pbc, input(0, 50), META))).toBe("conflict");
    expect(await saveSupportAssessment(prisma, pbc, input(1, 50), META)).toMatchObject({ version: 2, verdict: "CRITICIZE" });
    const lists = await listSupportVerdicts(prisma, 2026);
    expect(lists.COMMEND).toEqual([]);
    expect(lists.CRITICIZE.map((r) => r.totalScore)).toEqual([50]);
  });
});
