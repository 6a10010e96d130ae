/**
 * The request workflow on the real database: one item's whole life through
 * lib/requests/mutations — routing to the servicing sub-branch with copies, the deadline
 * across the 2026 National Day holiday, a dissatisfied rating reopening it, a loan — with
 * the ledger verified as stored and the notifications it creates; two bank users answering
 * the same item at once; a calendar change after the reply clock restarted. The clock is
 * always given (opts.now). The other steps and their refusals: requests-steps-*.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cnOfficialCalendarData } from "@/lib/calendar/cn-official";
import { createWorkingCalendar, endOfShanghaiDay } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { answerRequest, declareUnsolvable, signRequest } from "@/lib/requests/mutations/bank-steps";
import { rateRequest } from "@/lib/requests/mutations/enterprise-steps";
import { forwardRequest } from "@/lib/requests/mutations/park-steps";
import { recomputeDeadlines } from "@/lib/requests/mutations/recompute-deadlines";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { assignRequest } from "@/lib/requests/mutations/supervision-steps";
import { getRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { verifyRequestLedger } from "@/lib/requests/queries/verify-request-ledger";
import { at, canDoAnswer, codeOf, createRequestWorld, financingInput, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let a: TRequestWorld["actors"];
let kit: ReturnType<typeof workflowKit>;

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  a = w.actors;
  kit = workflowKit(prisma, w);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("a request's whole life", () => {
  it("submit → forward (sub-branch, copies, National Day) → sign → answer → dissatisfied → answer (loan) → satisfied", async () => {
    const created = await saveRequest(prisma, a.enterpriseOwner, financingInput({ submit: true }), { now: at("2026-09-28T10:00:00") });
    expect(created.serial).toMatch(/^RQ2026-\d{6}$/);
    expect(created).toMatchObject({ status: "SUBMITTED", version: 1 });
    const row0 = await prisma.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(row0).toMatchObject({
      programId: w.programId,
      ruleVersionId: w.ruleVersionId,
      parkId: w.parkId,
      enterpriseId: w.enterpriseId,
      amountFen: 500_000_000n,
    });

    // Forwarded on the last working day before National Day: 10-01..10-07 are off, Saturday
    // 10-10 is worked; five working days after 09-30 are 10-08, 10-09, 10-10, 10-12, 10-13.
    const forwardAt = at("2026-09-30T16:00:00");
    const fwd = await forwardRequest(
      prisma,
      a.parkStaff,
      { requestId: created.id, version: 1, bankOrgId: null, copyParticipating: true, note: "请主联系行对接" },
      { now: forwardAt },
    );
    expect(fwd).toMatchObject({ status: "FORWARDED", version: 2 });
    const row1 = await prisma.request.findUniqueOrThrow({ where: { id: created.id }, include: { routes: true } });
    expect(row1.assignedBankId).toBe(w.servicingBankOrgId);
    expect(row1.dueAt!.toISOString()).toBe(endOfShanghaiDay("2026-10-13").toISOString());
    expect(row1.dueProvisional).toBe(false);
    expect(row1.forwardedAt!.toISOString()).toBe(forwardAt.toISOString());
    expect(row1.routes.map((r) => [r.bankOrgId, r.role]).sort()).toEqual(
      [
        [w.servicingBankOrgId, "PRIMARY"],
        [w.participatingBankOrgId, "COPY"],
      ].sort(),
    );
    const forwardEntry = await kit.lastEntry(created.id);
    expect(forwardEntry).toMatchObject({
      action: "FORWARD",
      fromStatus: "SUBMITTED",
      toStatus: "FORWARDED",
      actorUserId: a.parkStaff.userId,
      actorOrgId: w.parkOrgId,
      note: "请主联系行对接",
    });
    expect(forwardEntry.content).toEqual({
      primaryBankOrgId: w.servicingBankOrgId,
      mainBankOrgId: w.mainBankOrgId,
      copyBankOrgIds: [w.participatingBankOrgId],
      deadlineStartAt: forwardAt.toISOString(),
      replyDeadlineDays: 5,
      dueAt: endOfShanghaiDay("2026-10-13").toISOString(),
      dueProvisional: false,
    });
    // The servicing sub-branch's users hear about it; nobody else does.
    expect(await kit.notified(created.id, "request.new")).toEqual(new Set([a.mainBankLiaison.userId, a.mainBankManager.userId]));

    // A FORWARDED item must be signed for before it is answered.
    expect(await codeOf(answerRequest(prisma, a.mainBankLiaison, canDoAnswer(fwd), { now: at("2026-10-08T09:00:00") }))).toBe(
      "invalidState",
    );
    const sig = await signRequest(prisma, a.mainBankLiaison, { requestId: created.id, version: 2 }, { now: at("2026-10-08T09:30:00") });
    expect(sig).toMatchObject({ status: "SIGNED", version: 3 });

    const ans1 = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(sig), { now: at("2026-10-09T11:00:00") });
    expect(ans1).toMatchObject({ status: "ANSWERED", version: 4 });
    const answerEntry = await kit.lastEntry(created.id);
    expect(answerEntry.content).toMatchObject({
      answerKind: "CAN_DO",
      bankOrgId: w.servicingBankOrgId,
      onTime: true,
      conditions: "纳税信用B级以上",
    });
    expect(await kit.notified(created.id, "request.answered")).toEqual(new Set([a.enterpriseOwner.userId]));

    // Dissatisfied: RATE then REOPEN, back to the same bank with a new clock from now.
    const reopenAt = at("2026-10-12T15:00:00");
    const reopened = await rateRequest(
      prisma,
      a.enterpriseOwner,
      { requestId: created.id, version: 4, rating: "DISSATISFIED", comment: "条件太高" },
      { now: reopenAt },
    );
    expect(reopened).toMatchObject({ status: "SIGNED", version: 5 });
    const row2 = await prisma.request.findUniqueOrThrow({ where: { id: created.id } });
    expect(row2).toMatchObject({
      reopenCount: 1,
      answeredAt: null,
      answerKind: null,
      rating: null,
      assignedBankId: w.servicingBankOrgId,
      deadlineStartAt: reopenAt,
    });
    expect(row2.dueAt!.toISOString()).toBe(endOfShanghaiDay("2026-10-19").toISOString());
    expect(await kit.notified(created.id, "request.reopened")).toEqual(new Set([a.mainBankLiaison.userId, a.mainBankManager.userId]));

    // The manager stands in and grants the loan.
    const granted = await answerRequest(
      prisma,
      a.mainBankManager,
      {
        requestId: created.id,
        version: 5,
        kind: "GRANTED",
        amountFen: "400000000",
        annualRate: "3.45",
        termMonths: 12,
        product: "科技贷",
        guarantee: "厂房抵押",
        isFirstLoan: true,
        isCreditLoan: false,
        grantedOn: "2026-10-15",
        disbursedOn: "2026-10-16",
        maturesOn: null,
      },
      { now: at("2026-10-15T10:00:00") },
    );
    expect(granted).toMatchObject({ status: "ANSWERED", version: 6 });
    const loans = await prisma.loanOutcome.findMany({ where: { requestId: created.id } });
    expect(loans).toHaveLength(1);
    expect(loans[0]).toMatchObject({
      bankOrgId: w.servicingBankOrgId,
      enterpriseId: w.enterpriseId,
      amountFen: 400_000_000n,
      termMonths: 12,
      product: "科技贷",
      isFirstLoan: true,
      isCreditLoan: false,
    });
    expect(loans[0]!.annualRate.toFixed(4)).toBe("3.4500");
    expect(loans[0]!.grantedOn!.toISOString()).toBe("2026-10-15T00:00:00.000Z");
    expect((await kit.lastEntry(created.id)).content).toMatchObject({
      answerKind: "GRANTED",
      onTime: true,
      loan: { amountFen: "400000000", annualRate: "3.4500", product: "科技贷" },
    });

    const closed = await rateRequest(
      prisma,
      a.enterpriseOwner,
      { requestId: created.id, version: 6, rating: "SATISFIED", comment: null },
      { now: at("2026-10-16T10:00:00") },
    );
    expect(closed).toMatchObject({ status: "CLOSED", version: 7 });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      closeReason: "RATED",
      rating: "SATISFIED",
    });

    expect(await kit.actions(created.id)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "RATE", "REOPEN", "ANSWER", "RATE"]);
    expect(await verifyRequestLedger(prisma, created.id)).toEqual({ ok: true, brokenAtSeq: null, entries: 8 });

    // The detail the page shows, for the enterprise.
    const detail = await getRequestDetail(prisma, a.enterpriseOwner, created.id);
    expect(detail).toMatchObject({
      version: 7,
      status: "CLOSED",
      rating: "SATISFIED",
      answerKind: "GRANTED",
      assignedBankId: w.servicingBankOrgId,
    });
    expect(detail!.copyBanks.map((b) => b.id)).toEqual([w.participatingBankOrgId]);
    expect(detail!.answer).toMatchObject({ kind: "GRANTED", product: "科技贷" });
    expect(detail!.timeline.map((e) => e.action)).toHaveLength(8);
    expect(detail!.timeline[1]).toMatchObject({ action: "FORWARD", actorOrgName: expect.stringContaining("园区A") });
  });
});

describe("two bank users answer the same item at once", () => {
  it("exactly one wins; the other gets conflict; one ANSWER entry, one loan", async () => {
    const s = await kit.signed(at("2026-10-26T09:00:00"));
    const grant = (amountFen: string) =>
      ({
        requestId: s.id,
        version: s.version,
        kind: "GRANTED",
        amountFen,
        annualRate: "3.2",
        termMonths: 12,
        product: "信用贷",
        guarantee: null,
        isFirstLoan: false,
        isCreditLoan: true,
        grantedOn: "2026-10-27",
        disbursedOn: null,
        maturesOn: null,
      }) as const;
    const now = { now: at("2026-10-27T10:00:00") };
    const results = await Promise.allSettled([
      answerRequest(prisma, a.mainBankLiaison, grant("100000000"), now),
      answerRequest(prisma, a.mainBankManager, grant("200000000"), now),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect((lost[0]!.reason as AppError).code).toBe("conflict");
    expect((await kit.actions(s.id)).filter((x) => x === "ANSWER")).toHaveLength(1);
    expect(await prisma.loanOutcome.count({ where: { requestId: s.id } })).toBe(1);
    expect(await verifyRequestLedger(prisma, s.id)).toEqual({ ok: true, brokenAtSeq: null, entries: 4 });
    expect(await kit.notified(s.id, "request.answered")).toEqual(new Set([a.enterpriseOwner.userId]));
  });
});

describe("a calendar change after the clock restarted", () => {
  it("recomputes from deadlineStartAt with deadlineDays, not from forwarding with the rule's days", async () => {
    const s = await kit.signed(at("2026-12-01T10:00:00"));
    const esc = await declareUnsolvable(
      prisma,
      a.mainBankLiaison,
      { requestId: s.id, version: s.version, reason: "无法解决" },
      { now: at("2026-12-03T10:00:00") },
    );
    await assignRequest(
      prisma,
      a.financeAdmin,
      { requestId: s.id, version: esc.version, bankOrgId: w.participatingBankOrgId, deadlineDays: 3, note: null },
      { now: at("2026-12-07T10:00:00") },
    );
    expect((await prisma.request.findUniqueOrThrow({ where: { id: s.id } })).dueAt!.toISOString()).toBe(
      endOfShanghaiDay("2026-12-10").toISOString(),
    );

    // The calendar is passed in (the shared database's calendar stays official).
    const official = cnOfficialCalendarData();
    const calendar = createWorkingCalendar({ ...official, holidays: [...official.holidays, "2026-12-09"] });
    const result = await prisma.$transaction((tx) =>
      recomputeDeadlines(tx, {
        from: "2026-12-09",
        to: "2026-12-09",
        reason: { change: "test" },
        actorUserId: null,
        actorOrgId: null,
        calendar,
        now: at("2026-12-08T10:00:00"),
      }),
    );
    expect(result.dueChanged).toBeGreaterThanOrEqual(1);
    const row = await prisma.request.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.dueAt!.toISOString()).toBe(endOfShanghaiDay("2026-12-11").toISOString());
    expect((await kit.lastEntry(s.id)).content).toMatchObject({
      replyDeadlineDays: 3,
      dueAt: endOfShanghaiDay("2026-12-11").toISOString(),
    });
    expect((await verifyRequestLedger(prisma, s.id)).ok).toBe(true);
  });
});
