/**
 * The enterprise and the park window on the real database: drafts, submission and its
 * refusals, serials, returns, disputes and the finance office's rulings, forwarding to a
 * picked bank. The clock is always given (opts.now).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { disputeReturn } from "@/lib/requests/mutations/enterprise-steps";
import { forwardRequest, returnRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { ruleOnDispute } from "@/lib/requests/mutations/supervision-steps";
import { verifyRequestLedger } from "@/lib/requests/queries/verify-request-ledger";
import { appErrorOf, at, codeOf, createRequestWorld, financingInput, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
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

describe("the enterprise writes and submits", () => {
  it("refuses an enterprise not yet approved, and anyone who is not an enterprise", async () => {
    expect(await codeOf(kit.submitted(at("2026-09-01T10:00:00"), a.pendingEnterpriseOwner))).toBe("notApproved");
    expect(await codeOf(kit.submitted(at("2026-09-01T10:00:00"), a.parkStaff))).toBe("forbidden");
  });

  it("refuses to create without a current program", async () => {
    expect(await codeOf(kit.submitted(at("2093-03-01T10:00:00")))).toBe("noProgram");
  });

  it("keeps an incomplete draft, refuses to submit it until complete, edits only drafts and returned items", async () => {
    const now = at("2026-09-01T10:00:00");
    const draft = await saveRequest(prisma, a.enterpriseOwner, financingInput({ amountFen: null, purpose: null }), { now });
    expect(draft).toMatchObject({ status: "DRAFT", version: 0 });
    expect(await kit.actions(draft.id)).toEqual([]);
    const incomplete = await appErrorOf(
      saveRequest(
        prisma,
        a.enterpriseOwner,
        financingInput({ requestId: draft.id, version: 0, amountFen: null, purpose: null, submit: true }),
        { now },
      ),
    );
    expect(incomplete.code).toBe("incomplete");
    expect(incomplete.fieldErrors).toEqual({ amountFen: "required", purpose: "required" });
    // Drafts are the enterprise's own: not even the park sees them.
    expect(
      await codeOf(
        forwardRequest(
          prisma,
          a.parkStaff,
          { requestId: draft.id, version: 0, bankOrgId: null, copyParticipating: false, note: null },
          { now },
        ),
      ),
    ).toBe("notFound");
    const edited = await saveRequest(prisma, a.enterpriseOwner, financingInput({ requestId: draft.id, version: 0, title: "改过的标题" }), {
      now,
    });
    expect(edited).toMatchObject({ status: "DRAFT", version: 1 });
    expect(
      await codeOf(saveRequest(prisma, a.enterpriseOwner, financingInput({ requestId: draft.id, version: 0, submit: true }), { now })),
    ).toBe("conflict");
    expect(
      await codeOf(saveRequest(prisma, a.otherEnterpriseOwner, financingInput({ requestId: draft.id, version: 1, submit: true }), { now })),
    ).toBe("notFound");
    const sub = await saveRequest(prisma, a.enterpriseOwner, financingInput({ requestId: draft.id, version: 1, submit: true }), { now });
    expect(sub).toMatchObject({ status: "SUBMITTED", version: 2 });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("流动资金贷款需求");
    expect(await codeOf(saveRequest(prisma, a.enterpriseOwner, financingInput({ requestId: draft.id, version: 2 }), { now }))).toBe(
      "invalidState",
    );
    // A consultation needs no amount.
    const consult = await saveRequest(
      prisma,
      a.enterpriseOwner,
      { ...financingInput({ submit: true }), type: "CONSULTATION", amountFen: null, purpose: null, termMonths: null, neededBy: null },
      { now },
    );
    expect(consult.status).toBe("SUBMITTED");
  });

  it("hands out distinct serials to items created at the same moment", async () => {
    const now = at("2026-09-02T10:00:00");
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => saveRequest(prisma, a.enterpriseOwner, financingInput(), { now })));
    const serials = results.map((r) => r.serial);
    expect(new Set(serials).size).toBe(5);
    const numbers = serials.map((s) => Number(s.slice(7))).sort((x, y) => x - y);
    expect(numbers.at(-1)! - numbers[0]!).toBe(4);
  });
});

describe("the park window", () => {
  it("returns with a reason; the enterprise disputes once; the finance office rules (upheld, then overruled)", async () => {
    const r = await kit.submitted(at("2026-09-07T09:00:00"));
    expect(
      await codeOf(
        returnRequest(prisma, a.otherParkStaff, { requestId: r.id, version: 1, reason: "材料不全" }, { now: at("2026-09-07T10:00:00") }),
      ),
    ).toBe("notFound");
    expect(
      (
        await appErrorOf(
          returnRequest(prisma, a.parkStaff, { requestId: r.id, version: 1, reason: "  " }, { now: at("2026-09-07T10:00:00") }),
        )
      ).fieldErrors,
    ).toEqual({ reason: "required" });
    const ret = await returnRequest(
      prisma,
      a.parkStaff,
      { requestId: r.id, version: 1, reason: "请补充近三个月银行流水" },
      { now: at("2026-09-07T10:00:00") },
    );
    expect(ret.status).toBe("RETURNED");
    expect(await kit.notified(r.id, "request.returned")).toEqual(new Set([a.enterpriseOwner.userId]));
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).returnReason).toBe("请补充近三个月银行流水");

    // Only a disputed return can be ruled on.
    expect(
      await codeOf(
        ruleOnDispute(
          prisma,
          a.financeStaff,
          { requestId: r.id, version: ret.version, upheld: true, note: "维持" },
          { now: at("2026-09-07T11:00:00") },
        ),
      ),
    ).toBe("invalidState");
    const disputed = await disputeReturn(
      prisma,
      a.enterpriseOwner,
      { requestId: r.id, version: ret.version, note: "流水已在附件中" },
      { now: at("2026-09-07T11:00:00") },
    );
    expect(disputed.status).toBe("RETURNED");
    const financeUsers = new Set([a.financeAdmin.userId, a.financeStaff.userId]);
    const disputeNotified = await kit.notified(r.id, "request.disputed");
    for (const u of financeUsers) expect(disputeNotified.has(u)).toBe(true);
    expect(disputeNotified.has(a.centralBankStaff.userId)).toBe(false);
    expect(
      await codeOf(
        disputeReturn(
          prisma,
          a.enterpriseOwner,
          { requestId: r.id, version: disputed.version, note: "再次异议" },
          { now: at("2026-09-07T11:30:00") },
        ),
      ),
    ).toBe("invalidState");

    // The central bank watches but does not rule.
    expect(
      await codeOf(
        ruleOnDispute(
          prisma,
          a.centralBankStaff,
          { requestId: r.id, version: disputed.version, upheld: false, note: "x" },
          { now: at("2026-09-08T09:00:00") },
        ),
      ),
    ).toBe("forbidden");
    const upheld = await ruleOnDispute(
      prisma,
      a.financeStaff,
      { requestId: r.id, version: disputed.version, upheld: true, note: "流水确实不全" },
      { now: at("2026-09-08T09:00:00") },
    );
    expect(upheld.status).toBe("RETURNED");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      returnDisputedAt: null,
      returnDisputeNote: "流水已在附件中",
    });
    expect(
      await codeOf(
        disputeReturn(
          prisma,
          a.enterpriseOwner,
          { requestId: r.id, version: upheld.version, note: "还是不服" },
          { now: at("2026-09-08T10:00:00") },
        ),
      ),
    ).toBe("invalidState");

    // Edited and resubmitted; returned again; this time the ruling overrules the park.
    const resub = await saveRequest(prisma, a.enterpriseOwner, financingInput({ requestId: r.id, version: upheld.version, submit: true }), {
      now: at("2026-09-09T09:00:00"),
    });
    expect(resub.status).toBe("SUBMITTED");
    expect((await kit.lastEntry(r.id)).content).toMatchObject({ resubmission: true });
    const ret2 = await returnRequest(
      prisma,
      a.parkStaff,
      { requestId: r.id, version: resub.version, reason: "仍需补充" },
      { now: at("2026-09-09T10:00:00") },
    );
    const disputed2 = await disputeReturn(
      prisma,
      a.enterpriseOwner,
      { requestId: r.id, version: ret2.version, note: "材料已齐全" },
      { now: at("2026-09-09T11:00:00") },
    );
    const overruled = await ruleOnDispute(
      prisma,
      a.financeAdmin,
      { requestId: r.id, version: disputed2.version, upheld: false, note: "材料齐全，请园区转交" },
      { now: at("2026-09-10T09:00:00") },
    );
    expect(overruled.status).toBe("SUBMITTED");
    expect(await kit.actions(r.id)).toEqual(["SUBMIT", "RETURN", "DISPUTE", "RULE", "SUBMIT", "RETURN", "DISPUTE", "RULE"]);
    expect((await verifyRequestLedger(prisma, r.id)).ok).toBe(true);
  });

  it("forwards to a bank it picks only when paired with the park", async () => {
    const r = await kit.submitted(at("2026-09-14T09:00:00"));
    const input = { requestId: r.id, version: r.version, copyParticipating: false, note: null };
    expect(
      await codeOf(forwardRequest(prisma, a.parkStaff, { ...input, bankOrgId: w.otherBankOrgId }, { now: at("2026-09-14T10:00:00") })),
    ).toBe("notPaired");
    const fwd = await forwardRequest(
      prisma,
      a.parkStaff,
      { ...input, bankOrgId: w.participatingBankOrgId },
      { now: at("2026-09-14T10:00:00") },
    );
    expect(fwd.status).toBe("FORWARDED");
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id }, include: { routes: true } });
    expect(row.assignedBankId).toBe(w.participatingBankOrgId);
    expect(row.routes).toHaveLength(1);
    expect((await kit.lastEntry(r.id)).content).toMatchObject({ mainBankOrgId: null, copyBankOrgIds: [] });
    expect(
      await codeOf(
        forwardRequest(prisma, a.parkStaff, { ...input, version: fwd.version, bankOrgId: null }, { now: at("2026-09-14T11:00:00") }),
      ),
    ).toBe("invalidState");
  });

  it("refuses automatic forwarding when the park has no main bank", async () => {
    const r = await kit.submitted(at("2026-09-14T09:00:00"));
    const main = await prisma.parkBankPairing.findFirstOrThrow({ where: { programId: w.programId, parkId: w.parkId, role: "MAIN" } });
    await prisma.parkBankPairing.update({ where: { id: main.id }, data: { endedAt: new Date() } });
    try {
      expect(
        await codeOf(
          forwardRequest(
            prisma,
            a.parkStaff,
            { requestId: r.id, version: r.version, bankOrgId: null, copyParticipating: false, note: null },
            { now: at("2026-09-14T10:00:00") },
          ),
        ),
      ).toBe("noMainBank");
    } finally {
      await prisma.parkBankPairing.update({ where: { id: main.id }, data: { endedAt: null } });
    }
  });
});
