/**
 * Steps the step table refuses, on the real database and through the real server
 * actions: a second "declare unsolvable" of an item already escalated as unsolvable,
 * 销号 of an item forwarded an hour ago that is neither answered, overdue nor escalated,
 * and documents sent on an answer that did not ask for them (or on a stale version).
 * Each is refused with its own code (a refusal the form words in Chinese, never the generic
 * failure) and writes nothing: same version and status, no ledger entry, no notice.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadMessages } from "@/lib/i18n/messages/load";
import { answerRequest, declareUnsolvable } from "@/lib/requests/mutations/bank-steps";
import { supplyDocuments } from "@/lib/requests/mutations/enterprise-steps";
import { closeOutRequest } from "@/lib/requests/mutations/supervision-steps";
import type { TWorkflowActor, TWorkflowResult } from "@/lib/requests/workflow/types";
import { canDoAnswer, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";
import { formData, requestActions, session, sessionOfActor } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("step-refusals")));

let prisma: PrismaClient;
let w: TRequestWorld;
let kit: ReturnType<typeof workflowKit>;
let zhCodes: Record<string, string>;

// The server actions run on the real clock: the items are made just before it.
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const sessionOf = (actor: TWorkflowActor) => sessionOfActor(actor, "step-refusals");

const form = formData;

const load = requestActions;

/** What a refused step must leave as it was. */
async function footprint(requestId: string) {
  const [row, ledger, notices] = await Promise.all([
    prisma.request.findUniqueOrThrow({
      where: { id: requestId },
      select: { version: true, status: true, escalatedAt: true, escalationReason: true, closedAt: true },
    }),
    prisma.ledgerEntry.count({ where: { requestId } }),
    prisma.notification.count({ where: { requestId } }),
  ]);
  return { row, ledger, notices };
}

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  kit = workflowKit(prisma, w);
  const messages = (await loadMessages("zh-CN")) as { errors: { codes: Record<string, string> } };
  zhCodes = messages.errors.codes;
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("a second declaration of unsolvable", () => {
  it("is refused as alreadyUnsolvable: no second ESCALATE entry, no second notice to the supervisors", async () => {
    const { declareUnsolvableAction } = await load("[id]/_bank/actions");
    const signed = await kit.signed(hoursAgo(2));
    const first = await declareUnsolvable(
      prisma,
      w.actors.mainBankLiaison,
      { requestId: signed.id, version: signed.version, reason: "企业负债率过高" },
      { now: hoursAgo(1) },
    );
    expect(first.status).toBe("ESCALATED");
    const before = await footprint(signed.id);
    expect(before.notices).toBeGreaterThan(0);

    session.user = sessionOf(w.actors.mainBankLiaison);
    const result = await declareUnsolvableAction!(form({ requestId: signed.id, version: String(first.version), reason: "再次上报" }));
    expect(result).toEqual({ ok: false, error: "alreadyUnsolvable" });
    // The parent bank's liaison, acting for the same item, is refused the same way.
    const again = declareUnsolvable(prisma, w.actors.mainBankParentLiaison, {
      requestId: signed.id,
      version: first.version,
      reason: "再次",
    });
    expect(await codeOf(again)).toBe("alreadyUnsolvable");

    expect(await footprint(signed.id)).toEqual(before);
    expect((await kit.actions(signed.id)).filter((a) => a === "ESCALATE")).toHaveLength(1);
    expect(zhCodes.alreadyUnsolvable).toBe("该事项已上报为无法解决，正由金融办督办，不能重复上报。");
  });
});

describe("销号", () => {
  async function expectNotClosable(item: TWorkflowResult) {
    const { closeOutRequestAction } = await load("[id]/_supervision/actions");
    const before = await footprint(item.id);
    session.user = sessionOf(w.actors.financeStaff);
    const result = await closeOutRequestAction!(form({ requestId: item.id, version: String(item.version), explanation: "已协调解决" }));
    expect(result).toEqual({ ok: false, error: "notClosable" });
    expect(await footprint(item.id)).toEqual(before);
    expect(await kit.notified(item.id, "request.closed")).toEqual(new Set());
  }

  it("of an item forwarded an hour ago, neither answered, overdue nor escalated, is refused as notClosable and writes nothing", async () => {
    const forwarded = await kit.forwarded(hoursAgo(1));
    expect(forwarded.status).toBe("FORWARDED");
    await expectNotClosable(forwarded);
    expect(await kit.actions(forwarded.id)).toEqual(["SUBMIT", "FORWARD"]);
    expect(zhCodes.notClosable).toContain("才能销号");
  });

  it("of an item still with the park is refused the same way", async () => {
    await expectNotClosable(await kit.submitted(hoursAgo(1)));
  });

  it("of an item the bank has answered closes it, with the reason, and tells the enterprise and the bank", async () => {
    const signed = await kit.signed(hoursAgo(3));
    const answered = await answerRequest(prisma, w.actors.mainBankLiaison, canDoAnswer(signed), { now: hoursAgo(2) });
    const closed = await closeOutRequest(prisma, w.actors.financeStaff, {
      requestId: answered.id,
      version: answered.version,
      explanation: "已协调解决",
    });
    expect(closed.status).toBe("CLOSED");
    expect((await kit.lastEntry(answered.id)).content).toMatchObject({ closeReason: "CLOSED_OUT", resolution: "已协调解决" });
    const told = await kit.notified(answered.id, "request.closed");
    expect(told.has(w.actors.enterpriseOwner.userId)).toBe(true);
    expect(told.has(w.actors.mainBankLiaison.userId)).toBe(true);
  });
});

describe("sending documents (需补充材料)", () => {
  it("through the server action: refused on an answer that asked for nothing, on a stale version and for another enterprise; writes nothing", async () => {
    const { supplyDocumentsAction } = await load("[id]/_enterprise/actions");
    const signed = await kit.signed(hoursAgo(3));
    const canDo = await answerRequest(prisma, w.actors.mainBankLiaison, canDoAnswer(signed), { now: hoursAgo(2) });
    const beforeCanDo = await footprint(canDo.id);
    session.user = sessionOf(w.actors.enterpriseOwner);
    expect(await supplyDocumentsAction!(form({ requestId: canDo.id, version: String(canDo.version), note: "材料" }))).toEqual({
      ok: false,
      error: "invalidState",
    });
    expect(await footprint(canDo.id)).toEqual(beforeCanDo);

    const other = await kit.signed(hoursAgo(3));
    const asked = await answerRequest(
      prisma,
      w.actors.mainBankLiaison,
      { requestId: other.id, version: other.version, kind: "NEEDS_DOCUMENTS", documents: "纳税证明" },
      { now: hoursAgo(2) },
    );
    const before = await footprint(asked.id);
    expect(await supplyDocumentsAction!(form({ requestId: asked.id, version: String(asked.version - 1), note: "材料" }))).toEqual({
      ok: false,
      error: "conflict",
    });
    session.user = sessionOf(w.actors.otherEnterpriseOwner);
    expect(await supplyDocumentsAction!(form({ requestId: asked.id, version: String(asked.version), note: "材料" }))).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await footprint(asked.id)).toEqual(before);

    // The right enterprise at the right version: accepted (the mutation itself; the action
    // would also revalidate pages, which needs a running Next server).
    await supplyDocuments(prisma, w.actors.enterpriseOwner, { requestId: asked.id, version: asked.version, note: "已上传纳税证明" });
    expect(await kit.actions(asked.id)).toEqual(["SUBMIT", "FORWARD", "SIGN", "ANSWER", "SUPPLEMENT"]);
  });
});
