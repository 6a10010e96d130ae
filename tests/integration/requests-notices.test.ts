/**
 * Who hears of the steps that have no deadline of their own: a new item reaches the park
 * window, a withdrawal reaches the bank handling it, a ruling on a contested return reaches
 * the enterprise (and the park, when the return is overruled).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { disputeReturn, withdrawRequest } from "@/lib/requests/mutations/enterprise-steps";
import { returnRequest } from "@/lib/requests/mutations/park-steps";
import { ruleOnDispute } from "@/lib/requests/mutations/supervision-steps";
import { at, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let kit: ReturnType<typeof workflowKit>;
const now = at("2026-11-02T10:00:00");

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  kit = workflowKit(prisma, w);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("notices without a deadline", () => {
  it("tells the park window of a new item", async () => {
    const item = await kit.submitted(now);
    expect(await kit.notified(item.id, "request.submitted")).toEqual(new Set([w.actors.parkStaff.userId]));
  });

  it("tells the bank handling an item that the enterprise withdrew it", async () => {
    const signed = await kit.signed(now);
    await withdrawRequest(
      prisma,
      w.actors.enterpriseOwner,
      { requestId: signed.id, version: signed.version, reason: "已从其他渠道获得资金" },
      { now },
    );
    const told = await kit.notified(signed.id, "request.withdrawn");
    expect(told.has(w.actors.mainBankLiaison.userId)).toBe(true);
    expect(told.has(w.actors.parkStaff.userId)).toBe(false);
  });

  it("tells the enterprise of a ruling, and the park too when the return is overruled", async () => {
    const item = await kit.submitted(now);
    const returned = await returnRequest(
      prisma,
      w.actors.parkStaff,
      { requestId: item.id, version: item.version, reason: "请补充财务报表" },
      { now },
    );
    const disputed = await disputeReturn(
      prisma,
      w.actors.enterpriseOwner,
      { requestId: returned.id, version: returned.version, note: "报表已随附件提交" },
      { now },
    );
    await ruleOnDispute(
      prisma,
      w.actors.financeAdmin,
      { requestId: disputed.id, version: disputed.version, upheld: false, note: "附件中已有报表" },
      { now },
    );
    const told = await kit.notified(item.id, "request.ruled");
    expect(told.has(w.actors.enterpriseOwner.userId)).toBe(true);
    expect(told.has(w.actors.parkStaff.userId)).toBe(true);
  });
});
