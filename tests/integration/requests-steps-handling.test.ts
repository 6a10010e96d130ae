/**
 * The banks and the finance office on the real database: who may act on an item (assigned
 * bank, parent bank, copied bank, another bank), passing, declaring unsolvable, assigning,
 * reminding, closing out, and withdrawals with their check. The clock is always given.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { endOfShanghaiDay } from "@/lib/calendar/working-days";
import { answerRequest, declareUnsolvable, passRequest, signRequest } from "@/lib/requests/mutations/bank-steps";
import { rateRequest, withdrawRequest } from "@/lib/requests/mutations/enterprise-steps";
import { assignRequest, checkWithdrawal, closeOutRequest, remindRequest } from "@/lib/requests/mutations/supervision-steps";
import type { TWorkflowActor } from "@/lib/requests/workflow/types";
import { at, canDoAnswer, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
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

describe("the bank", () => {
  it("acts only for the assigned bank: another bank finds nothing, a copied bank may not act, a parent bank may", async () => {
    const fwd = await kit.forwarded(at("2026-09-15T09:00:00"), true);
    const sign = (actor: TWorkflowActor) =>
      signRequest(prisma, actor, { requestId: fwd.id, version: fwd.version }, { now: at("2026-09-15T10:00:00") });
    expect(await codeOf(sign(a.otherBankLiaison))).toBe("notFound");
    expect(await codeOf(sign(a.participatingBankLiaison))).toBe("forbidden");
    expect(await codeOf(sign(a.parkStaff))).toBe("forbidden");
    expect(await codeOf(sign(a.otherParkStaff))).toBe("notFound");
    const signedByParent = await sign(a.mainBankParentLiaison);
    expect(signedByParent.status).toBe("SIGNED");
    expect(await codeOf(sign(a.mainBankLiaison))).toBe("conflict");
    expect(
      await codeOf(
        signRequest(prisma, a.mainBankLiaison, { requestId: fwd.id, version: signedByParent.version }, { now: at("2026-09-15T10:00:00") }),
      ),
    ).toBe("invalidState");
  });

  it("passes to a participating bank of the park (new clock, supervision watches), which declares it unsolvable", async () => {
    const s = await kit.signed(at("2026-09-16T09:00:00"));
    const pass = (to: string, reason = "我行暂无匹配产品") =>
      passRequest(
        prisma,
        a.mainBankLiaison,
        { requestId: s.id, version: s.version, toBankOrgId: to, reason },
        { now: at("2026-09-17T10:00:00") },
      );
    expect(await codeOf(pass(w.otherBankOrgId))).toBe("notPaired");
    expect(await codeOf(pass(w.mainBankOrgId))).toBe("notPaired");
    expect(await codeOf(pass(w.participatingBankOrgId, " "))).toBe("incomplete");
    const passed = await pass(w.participatingBankOrgId);
    expect(passed.status).toBe("FORWARDED");
    const row = await prisma.request.findUniqueOrThrow({ where: { id: s.id }, include: { routes: true } });
    expect(row).toMatchObject({
      assignedBankId: w.participatingBankOrgId,
      signedAt: null,
      escalationReason: "PASSED",
      deadlineStartAt: at("2026-09-17T10:00:00"),
      escalatedAt: at("2026-09-17T10:00:00"),
    });
    // 09-17 (Thu) + 5: 09-18, 09-20 (Sunday, worked), 09-21, 09-22, 09-23 — 09-25..27 are off.
    expect(row.dueAt!.toISOString()).toBe(endOfShanghaiDay("2026-09-23").toISOString());
    expect(row.routes.find((r) => r.role === "PRIMARY")!.bankOrgId).toBe(w.participatingBankOrgId);
    expect(row.routes.find((r) => r.bankOrgId === w.servicingBankOrgId)!.role).toBe("COPY");
    expect(await kit.notified(s.id, "request.new")).toContain(a.participatingBankLiaison.userId);
    const escalated = await kit.notified(s.id, "request.escalated");
    for (const u of [a.financeAdmin.userId, a.financeStaff.userId, a.centralBankStaff.userId]) expect(escalated.has(u)).toBe(true);
    // The former bank keeps read access (copy route) but no longer acts.
    expect(
      await codeOf(
        signRequest(prisma, a.mainBankLiaison, { requestId: s.id, version: passed.version }, { now: at("2026-09-17T11:00:00") }),
      ),
    ).toBe("forbidden");

    expect(
      await codeOf(
        declareUnsolvable(
          prisma,
          a.participatingBankLiaison,
          { requestId: s.id, version: passed.version, reason: "" },
          { now: at("2026-09-18T10:00:00") },
        ),
      ),
    ).toBe("incomplete");
    const unsolvable = await declareUnsolvable(
      prisma,
      a.participatingBankLiaison,
      { requestId: s.id, version: passed.version, reason: "企业负债率过高" },
      { now: at("2026-09-18T10:00:00") },
    );
    expect(unsolvable.status).toBe("ESCALATED");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      escalationReason: "UNSOLVABLE",
      escalatedAt: at("2026-09-18T10:00:00"),
    });
    expect((await kit.lastEntry(s.id)).content).toMatchObject({ reason: "UNSOLVABLE", bankOrgId: w.participatingBankOrgId });
    expect(await kit.actions(s.id)).toEqual(["SUBMIT", "FORWARD", "SIGN", "PASS", "ESCALATE"]);
  });
});

describe("the finance office supervises", () => {
  it("assigns an escalated item to another bank with its own deadline; the central bank may not", async () => {
    const s = await kit.signed(at("2026-09-21T09:00:00"));
    const esc = await declareUnsolvable(
      prisma,
      a.mainBankLiaison,
      { requestId: s.id, version: s.version, reason: "无法解决" },
      { now: at("2026-09-21T10:00:00") },
    );
    const input = { requestId: s.id, version: esc.version, bankOrgId: w.otherBankOrgId, deadlineDays: 3, note: "请其他银行研究" };
    const now = { now: at("2026-09-22T10:00:00") };
    expect(await codeOf(assignRequest(prisma, a.centralBankStaff, input, now))).toBe("forbidden");
    expect(await codeOf(assignRequest(prisma, a.mainBankManager, input, now))).toBe("forbidden");
    expect(await codeOf(assignRequest(prisma, a.financeAdmin, { ...input, bankOrgId: w.parkOrgId }, now))).toBe("badBank");
    const assigned = await assignRequest(prisma, a.financeAdmin, input, now);
    expect(assigned.status).toBe("FORWARDED");
    const row = await prisma.request.findUniqueOrThrow({ where: { id: s.id } });
    // 09-22 (Tue) + 3: 09-23, 09-24, then 09-25..27 off, 09-28.
    expect(row).toMatchObject({ assignedBankId: w.otherBankOrgId, deadlineDays: 3, signedAt: null });
    expect(row.dueAt!.toISOString()).toBe(endOfShanghaiDay("2026-09-28").toISOString());
    expect(await kit.notified(s.id, "request.new")).toContain(a.otherBankLiaison.userId);
    // The newly assigned bank now sees and acts on it.
    const sig = await signRequest(
      prisma,
      a.otherBankLiaison,
      { requestId: s.id, version: assigned.version },
      { now: at("2026-09-23T10:00:00") },
    );
    expect(sig.status).toBe("SIGNED");
  });

  it("reminds only overdue items, assigns an overdue one, closes out open items", async () => {
    const fwd = await kit.forwarded(at("2026-11-02T10:00:00")); // due end of 11-09 (Mon)
    const remind = (version: number, when: string) =>
      remindRequest(prisma, a.financeStaff, { requestId: fwd.id, version, note: "请抓紧办理" }, { now: at(when) });
    expect(await codeOf(remind(fwd.version, "2026-11-09T20:00:00"))).toBe("invalidState");
    expect(
      await codeOf(
        assignRequest(
          prisma,
          a.financeStaff,
          { requestId: fwd.id, version: fwd.version, bankOrgId: w.otherBankOrgId, deadlineDays: 3, note: null },
          { now: at("2026-11-09T20:00:00") },
        ),
      ),
    ).toBe("invalidState");
    const reminded = await remind(fwd.version, "2026-11-11T09:00:00");
    expect(reminded.status).toBe("FORWARDED");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: fwd.id } })).remindedAt).toEqual(at("2026-11-11T09:00:00"));
    expect((await kit.lastEntry(fwd.id)).content).toMatchObject({ overdueWorkingDays: 2, bankOrgId: w.servicingBankOrgId });
    expect(await kit.notified(fwd.id, "request.reminder")).toEqual(new Set([a.mainBankLiaison.userId, a.mainBankManager.userId]));

    expect(
      await codeOf(
        closeOutRequest(
          prisma,
          a.financeStaff,
          { requestId: fwd.id, version: reminded.version, explanation: "" },
          { now: at("2026-11-12T09:00:00") },
        ),
      ),
    ).toBe("incomplete");
    const closed = await closeOutRequest(
      prisma,
      a.financeStaff,
      { requestId: fwd.id, version: reminded.version, explanation: "已协调解决" },
      { now: at("2026-11-12T09:00:00") },
    );
    expect(closed.status).toBe("CLOSED");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: fwd.id } })).toMatchObject({
      closeReason: "CLOSED_OUT",
      closedAt: at("2026-11-12T09:00:00"),
    });
    expect(await kit.notified(fwd.id, "request.closed")).toContain(a.enterpriseOwner.userId);
    expect(
      await codeOf(
        closeOutRequest(
          prisma,
          a.financeStaff,
          { requestId: fwd.id, version: closed.version, explanation: "再次" },
          { now: at("2026-11-12T10:00:00") },
        ),
      ),
    ).toBe("invalidState");
    expect(await kit.actions(fwd.id)).toEqual(["SUBMIT", "FORWARD", "REMIND", "CLOSE"]);
  });
});

describe("withdrawal", () => {
  it("needs a reason; after an answer the finance office checks it once", async () => {
    const s = await kit.signed(at("2026-10-19T09:00:00"));
    const ans = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(s), { now: at("2026-10-19T15:00:00") });
    const input = { requestId: s.id, version: ans.version, reason: "已通过其他渠道解决" };
    expect(await codeOf(withdrawRequest(prisma, a.otherEnterpriseOwner, input, { now: at("2026-10-20T09:00:00") }))).toBe("notFound");
    expect(await codeOf(withdrawRequest(prisma, a.enterpriseOwner, { ...input, reason: "" }, { now: at("2026-10-20T09:00:00") }))).toBe(
      "incomplete",
    );
    const wd = await withdrawRequest(prisma, a.enterpriseOwner, input, { now: at("2026-10-20T09:00:00") });
    expect(wd.status).toBe("WITHDRAWN");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: s.id } })).withdrawnAfterAnswer).toBe(true);
    expect((await kit.lastEntry(s.id)).content).toEqual({ reason: "已通过其他渠道解决", afterAnswer: true });
    expect(
      await codeOf(
        rateRequest(
          prisma,
          a.enterpriseOwner,
          { requestId: s.id, version: wd.version, rating: "SATISFIED", comment: null },
          { now: at("2026-10-20T10:00:00") },
        ),
      ),
    ).toBe("invalidState");

    expect(
      await codeOf(
        checkWithdrawal(
          prisma,
          a.centralBankStaff,
          { requestId: s.id, version: wd.version, note: "已电话核实" },
          { now: at("2026-10-21T09:00:00") },
        ),
      ),
    ).toBe("forbidden");
    const checked = await checkWithdrawal(
      prisma,
      a.financeStaff,
      { requestId: s.id, version: wd.version, note: "已电话核实，企业自愿撤回" },
      { now: at("2026-10-21T09:00:00") },
    );
    expect(checked.status).toBe("WITHDRAWN");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: s.id } })).withdrawalCheckedAt).toEqual(at("2026-10-21T09:00:00"));
    expect(
      await codeOf(
        checkWithdrawal(
          prisma,
          a.financeStaff,
          { requestId: s.id, version: checked.version, note: "再次" },
          { now: at("2026-10-21T10:00:00") },
        ),
      ),
    ).toBe("invalidState");
    expect(await kit.actions(s.id)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "WITHDRAW", "CHECK_WITHDRAWAL"]);
  });

  it("before an answer needs no check", async () => {
    const r = await kit.submitted(at("2026-10-19T09:00:00"));
    const wd = await withdrawRequest(
      prisma,
      a.enterpriseOwner,
      { requestId: r.id, version: r.version, reason: "需求变化" },
      { now: at("2026-10-19T10:00:00") },
    );
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).withdrawnAfterAnswer).toBe(false);
    expect(
      await codeOf(
        checkWithdrawal(prisma, a.financeStaff, { requestId: r.id, version: wd.version, note: "x" }, { now: at("2026-10-19T11:00:00") }),
      ),
    ).toBe("invalidState");
  });
});
