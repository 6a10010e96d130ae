/**
 * The authorization matrix's cross-tenant half for the request workflow: every
 * state-changing action, called through its real server action by a user whose role IS
 * allowed to take that step — but for another enterprise, park or bank — on a real item
 * in the right state. Each must answer "notFound" (never confirming the item exists) and
 * change nothing: same version, no ledger entry. The finance office is one city-wide
 * tenant, so its supervision steps have no other tenant to try (the role matrix covers
 * them).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { returnRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import type { TDefinedAction } from "@/lib/server/action";
import type { TWorkflowActor, TWorkflowResult } from "@/lib/requests/workflow/types";
import { at, canDoAnswer, createRequestWorld, financingInput, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";
import { formData, requestActions, session, sessionOfActor } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("cross-tenant")));

let prisma: PrismaClient;
let w: TRequestWorld;
let kit: ReturnType<typeof workflowKit>;

const sessionOf = (actor: TWorkflowActor) => sessionOfActor(actor, "cross-tenant");

const form = formData;

const load = requestActions;

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  kit = workflowKit(prisma, w);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("another tenant with the right role", () => {
  const now = () => at("2026-11-02T10:00:00");

  async function expectRefusedAndUnchanged(
    action: TDefinedAction<unknown>,
    actor: TWorkflowActor,
    item: TWorkflowResult,
    fields: Record<string, string>,
  ) {
    const ledgerBefore = await prisma.ledgerEntry.count({ where: { requestId: item.id } });
    session.user = sessionOf(actor);
    const result = await action(form({ requestId: item.id, version: String(item.version), ...fields }));
    expect(result, action.actionName).toMatchObject({ ok: false, error: "notFound" });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: item.id }, select: { version: true, status: true } });
    expect(after, action.actionName).toEqual({ version: item.version, status: item.status });
    expect(await prisma.ledgerEntry.count({ where: { requestId: item.id } }), action.actionName).toBe(ledgerBefore);
  }

  it("an enterprise cannot edit, submit, dispute, send documents for, rate or withdraw another enterprise's item", async () => {
    const other = w.actors.otherEnterpriseOwner;
    const { saveRequestAction } = await load("new/actions");
    const { submitDraftAction, disputeReturnAction, rateRequestAction, withdrawRequestAction, supplyDocumentsAction } =
      await load("[id]/_enterprise/actions");

    const draft = await saveRequest(prisma, w.actors.enterpriseOwner, financingInput(), { now: now() });
    await expectRefusedAndUnchanged(saveRequestAction!, other, draft, {
      type: "FINANCING",
      title: "改",
      description: "改",
      amountFen: "300",
      purpose: "购置设备",
      termMonths: "12",
      neededBy: "2027-01-15",
      submit: "on",
    });
    await expectRefusedAndUnchanged(submitDraftAction!, other, draft, {});

    const submitted = await kit.submitted(now());
    await expectRefusedAndUnchanged(withdrawRequestAction!, other, submitted, { reason: "不需要了" });
    const returned = await returnRequest(
      prisma,
      w.actors.parkStaff,
      { requestId: submitted.id, version: submitted.version, reason: "请补充财务报表" },
      { now: now() },
    );
    await expectRefusedAndUnchanged(disputeReturnAction!, other, returned, { note: "材料已齐全" });

    const signed = await kit.signed(now());
    const answered = await answerRequest(prisma, w.actors.mainBankLiaison, canDoAnswer(signed), { now: now() });
    await expectRefusedAndUnchanged(rateRequestAction!, other, answered, { rating: "DISSATISFIED" });

    const signedAgain = await kit.signed(now());
    const asked = await answerRequest(
      prisma,
      w.actors.mainBankLiaison,
      { requestId: signedAgain.id, version: signedAgain.version, kind: "NEEDS_DOCUMENTS", documents: "纳税证明" },
      { now: now() },
    );
    await expectRefusedAndUnchanged(supplyDocumentsAction!, other, asked, { note: "已上传" });
  });

  it("a park window cannot forward or return another park's item", async () => {
    const { forwardRequestAction, returnRequestAction } = await load("[id]/_park/actions");
    const submitted = await kit.submitted(now());
    await expectRefusedAndUnchanged(forwardRequestAction!, w.actors.otherParkStaff, submitted, { mode: "auto", copyParticipating: "on" });
    await expectRefusedAndUnchanged(returnRequestAction!, w.actors.otherParkStaff, submitted, { reason: "请补充材料" });
  });

  it("a bank cannot sign, answer, pass or declare unsolvable an item of another bank", async () => {
    const { signRequestAction, answerRequestAction, passRequestAction, declareUnsolvableAction } = await load("[id]/_bank/actions");
    const other = w.actors.otherBankLiaison;
    const forwarded = await kit.forwarded(now());
    await expectRefusedAndUnchanged(signRequestAction!, other, forwarded, {});
    const signed = await kit.signed(now());
    await expectRefusedAndUnchanged(answerRequestAction!, other, signed, { kind: "CAN_DO", conditions: "条件", procedure: "流程" });
    await expectRefusedAndUnchanged(passRequestAction!, other, signed, { toBankOrgId: w.participatingBankOrgId, reason: "转参与行" });
    await expectRefusedAndUnchanged(declareUnsolvableAction!, other, signed, { reason: "无法解决" });
  });
});
