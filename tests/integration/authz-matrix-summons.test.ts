/**
 * The authorization matrix's cross-tenant half for summons: every bank step, called
 * through its real server action by a bank user whose role IS allowed to take it — but on
 * another bank's summons, in the right state. Each must answer "notFound" (never confirming
 * the record exists) and change nothing: same status and version, no audit entry of the
 * step. The office's steps have no other tenant (one city-wide office); the role matrix in
 * authz-matrix.test.ts covers who may call them at all.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TDefinedAction } from "@/lib/server/action";
import { openSummons } from "@/lib/summons/mutations/open-summons";
import { acceptSummonsPlan, fileSummonsCompletion, fileSummonsPlan } from "@/lib/summons/mutations/summons-steps";
import { createPublishedBulletin, type TBulletinWorld } from "@/tests/factories/summons";
import { testPrisma } from "@/tests/factories/users";
import { formData, session, sessionOfActor } from "../support/signed-in-session";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));
vi.mock("@/lib/server/auth/request-meta", () => import("../support/signed-in-session").then((m) => m.requestMetaModule("cross-tenant")));

let prisma: PrismaClient;
let b: TBulletinWorld;

beforeAll(async () => {
  prisma = testPrisma();
  b = await createPublishedBulletin(prisma);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("another bank with the right role", () => {
  async function expectRefusedAndUnchanged(action: TDefinedAction<unknown>, summonsId: string, fields: Record<string, string>) {
    const before = await prisma.summons.findUniqueOrThrow({ where: { id: summonsId }, select: { status: true, version: true } });
    const audits = await prisma.auditLog.count({ where: { targetType: "Summons", targetId: summonsId } });
    session.user = sessionOfActor(b.w.actors.participatingBankLiaison, "cross-tenant");
    const result = await action(formData({ summonsId, version: String(before.version), ...fields }));
    expect(result, action.actionName).toMatchObject({ ok: false, error: "notFound" });
    expect(await prisma.summons.findUniqueOrThrow({ where: { id: summonsId }, select: { status: true, version: true } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { targetType: "Summons", targetId: summonsId } })).toBe(audits);
  }

  it("cannot file the plan or the completion report of another bank's summons", async () => {
    const { w } = b;
    const actions = (await import("@/app/(portal)/summons/actions")) as unknown as Record<string, TDefinedAction<unknown>>;
    const s = await openSummons(prisma, w.actors.financeAdmin, {
      rankingId: b.rankingId,
      bankOrgId: w.mainBankOrgId,
      heldOn: "2026-10-28",
      attendees: "市金融办",
      issues: "逾期未答复",
      measures: [{ text: "逐件答复", deadline: "2026-11-30" }],
    });
    await expectRefusedAndUnchanged(actions.fileSummonsPlanAction!, s.id, { text: "别行的方案" });

    await fileSummonsPlan(prisma, w.actors.mainBankParentLiaison, { summonsId: s.id, version: 1, text: "方案" });
    await acceptSummonsPlan(prisma, w.actors.financeStaff, { summonsId: s.id, version: 2 });
    await expectRefusedAndUnchanged(actions.fileSummonsCompletionAction!, s.id, { text: "别行的报告" });

    // The summoned bank itself may (the mutation the action calls; revalidation needs Next).
    expect(
      await fileSummonsCompletion(prisma, w.actors.mainBankParentLiaison, { summonsId: s.id, version: 3, text: "已整改" }),
    ).toMatchObject({
      status: "COMPLETION_SUBMITTED",
    });
  });
});
