/**
 * Summons and rectification on the real database, after a bulletin published through the
 * real ranking mutations (tests/factories/summons.ts): the pre-fill (the bulletin's bottom
 * list and the bank's overdue and escalated items of the quarter) checked against
 * independent SQL over the raw rows; the whole loop plan → return → refile → accept →
 * completion → accept, each step audited; the refusals (another bank's record, the wrong
 * role, the wrong state, a stale version, a draft bulletin); and the overdue section that
 * the next quarter's bulletin shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { openSummons } from "@/lib/summons/mutations/open-summons";
import {
  acceptSummonsCompletion,
  acceptSummonsPlan,
  cosignSummons,
  fileSummonsCompletion,
  fileSummonsPlan,
  returnSummonsPlan,
} from "@/lib/summons/mutations/summons-steps";
import { getSummons } from "@/lib/summons/queries/get-summons";
import { getSummonsPrefill } from "@/lib/summons/queries/get-summons-prefill";
import { listOverdueSummons } from "@/lib/summons/queries/list-overdue-summons";
import { listSummons } from "@/lib/summons/queries/list-summons";
import { at, codeOf } from "@/tests/factories/requests";
import { BULLETIN_CUTOFF, createPublishedBulletin, type TBulletinWorld } from "@/tests/factories/summons";
import { testPrisma } from "@/tests/factories/users";

let prisma: PrismaClient;
let b: TBulletinWorld;

const openInput = (bankOrgId: string, deadline = "2026-11-30") => ({
  rankingId: b.rankingId,
  bankOrgId,
  heldOn: "2026-10-28",
  attendees: "市金融办、人民银行、被约谈行行长",
  issues: "逾期未答复",
  measures: [
    { text: "逐件答复逾期事项", deadline },
    { text: "建立限时答复台账", deadline: "2026-12-31" },
  ],
});

beforeAll(async () => {
  prisma = testPrisma();
  b = await createPublishedBulletin(prisma);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("the pre-fill", () => {
  it("is the bulletin's bottom list and the bank's overdue and escalated items, as independent SQL finds them", async () => {
    const { w } = b;
    const prefill = await getSummonsPrefill(prisma, b.rankingId, w.mainBankOrgId);
    expect(prefill).not.toBeNull();

    const bottom = await prisma.$queryRaw<{ bankOrgId: string; rank: number }[]>`
      SELECT "bankOrgId"::text AS "bankOrgId", rank FROM "RankingEntry"
       WHERE "rankingId" = ${b.rankingId}::uuid AND "bottomList" ORDER BY rank`;
    expect(prefill!.bottomList.map((x) => ({ bankOrgId: x.bankOrgId, rank: x.rank }))).toEqual(bottom);

    // The bank's items of Q3 (forwarded 1 Jul – 30 Sep, Shanghai) assigned to it or any
    // organization below it, that by the cut-off were owed and not answered on time, or
    // were escalated for missing the deadline.
    const expected = await prisma.$queryRaw<{ serial: string }[]>`
      WITH RECURSIVE tree(id) AS (
        SELECT ${w.mainBankOrgId}::uuid
        UNION ALL SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id
      )
      SELECT r.serial FROM "Request" r
       WHERE r."programId" = ${w.programId}::uuid
         AND r."assignedBankId" IN (SELECT id FROM tree)
         AND r."forwardedAt" >= ${at("2026-07-01T00:00:00")} AND r."forwardedAt" < ${at("2026-10-01T00:00:00")}
         AND (
           EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'ESCALATE'
                     AND e.content->>'reason' = 'OVERDUE' AND e."occurredAt" <= ${BULLETIN_CUTOFF})
           OR (r."dueAt" <= ${BULLETIN_CUTOFF} AND NOT EXISTS (
                 SELECT 1 FROM "LedgerEntry" e WHERE e."requestId" = r.id AND e.action = 'ANSWER' AND e."occurredAt" <= ${BULLETIN_CUTOFF}))
           OR (SELECT (e.content->>'onTime')::boolean FROM "LedgerEntry" e
                WHERE e."requestId" = r.id AND e.action = 'ANSWER' AND e."occurredAt" <= ${BULLETIN_CUTOFF}
                ORDER BY e.seq LIMIT 1) = false
         )
       ORDER BY r.serial`;
    expect(expected.map((r) => r.serial)).toEqual([b.items.A1!.serial, b.items.A2!.serial]);
    expect(prefill!.items.map((i) => i.serial)).toEqual(expected.map((r) => r.serial));
    expect(prefill!.items.find((i) => i.serial === b.items.A2!.serial)!.reasons.sort()).toEqual(["answeredLate", "escalatedOverdue"]);
    expect(prefill!.itemTotals).toEqual({ overdue: 2, escalated: 1 });

    // The other bank had none; a summons opened for A keeps the same pre-fill, frozen.
    expect((await getSummonsPrefill(prisma, b.rankingId, w.participatingBankOrgId))!.items).toEqual([]);
    const opened = await openSummons(prisma, w.actors.financeStaff, openInput(w.mainBankOrgId));
    const stored = await getSummons(prisma, w.actors.financeAdmin, opened.id);
    expect(stored!.prefill.items).toEqual(prefill!.items);
    expect(stored!.prefill.bottomList).toEqual(prefill!.bottomList);
    expect(stored!.dueOn.toISOString().slice(0, 10)).toBe("2026-11-30");
  });
});

describe("the loop and its refusals", () => {
  it("opens only for the finance office and only after a published bulletin, for a bank it ranked", async () => {
    const { w } = b;
    const a = w.actors;
    expect(await codeOf(openSummons(prisma, a.mainBankParentLiaison, openInput(w.mainBankOrgId)))).toBe("forbidden");
    expect(await codeOf(openSummons(prisma, a.centralBankStaff, openInput(w.mainBankOrgId)))).toBe("forbidden");
    expect(await codeOf(openSummons(prisma, a.financeAdmin, openInput(w.otherBankOrgId)))).toBe("notFound");
    const draft = await computeDraftRanking(
      prisma,
      a.financeAdmin,
      { programId: w.programId, year: 2026, quarter: 2 },
      { now: BULLETIN_CUTOFF },
    );
    expect(await codeOf(openSummons(prisma, a.financeAdmin, { ...openInput(w.mainBankOrgId), rankingId: draft.rankingId }))).toBe(
      "invalidState",
    );
  });

  it("plan filed → returned → refiled → accepted → completion filed → accepted, each step audited; refusals change nothing", async () => {
    const { w } = b;
    const a = w.actors;
    const bank = a.mainBankParentLiaison;
    const other = a.participatingBankLiaison;
    const s = await openSummons(prisma, a.financeAdmin, openInput(w.mainBankOrgId));
    const state = () => prisma.summons.findUniqueOrThrow({ where: { id: s.id }, select: { status: true, version: true } });
    const plan = (version: number) => ({ summonsId: s.id, version, text: "一、逐件答复；二、建立台账。" });

    // Another bank: not found (never confirming the record exists), nothing changed.
    expect(await codeOf(fileSummonsPlan(prisma, other, plan(1)))).toBe("notFound");
    expect(await getSummons(prisma, other, s.id)).toBeNull();
    expect((await listSummons(prisma, other)).rows.map((r) => r.id)).not.toContain(s.id);
    // The wrong state: nothing to accept yet.
    expect(await codeOf(acceptSummonsPlan(prisma, a.financeStaff, { summonsId: s.id, version: 1 }))).toBe("invalidState");
    // A bank cannot review its own plan; the office cannot file it.
    expect(await codeOf(fileSummonsPlan(prisma, a.financeAdmin, plan(1)))).toBe("forbidden");
    expect(await state()).toEqual({ status: "AWAITING_PLAN", version: 1 });

    expect(await fileSummonsPlan(prisma, bank, plan(1))).toMatchObject({ status: "PLAN_SUBMITTED", version: 2 });
    expect(await codeOf(acceptSummonsPlan(prisma, bank, { summonsId: s.id, version: 2 }))).toBe("forbidden");
    // A stale version (the page was loaded before the plan came in).
    expect(await codeOf(acceptSummonsPlan(prisma, a.financeStaff, { summonsId: s.id, version: 1 }))).toBe("conflict");
    expect(await codeOf(fileSummonsPlan(prisma, bank, plan(1)))).toBe("conflict");
    expect(await state()).toEqual({ status: "PLAN_SUBMITTED", version: 2 });

    await returnSummonsPlan(prisma, a.financeStaff, { summonsId: s.id, version: 2, reason: "措施不具体" });
    expect((await getSummons(prisma, bank, s.id))!.plan.returnReason).toBe("措施不具体");
    expect((await getSummons(prisma, bank, s.id))!.steps).toEqual(["filePlan"]);
    await fileSummonsPlan(prisma, bank, plan(3));
    await acceptSummonsPlan(prisma, a.financeStaff, { summonsId: s.id, version: 4 });
    await cosignSummons(prisma, a.centralBankStaff, { summonsId: s.id, version: 5 });
    expect(await codeOf(cosignSummons(prisma, a.centralBankStaff, { summonsId: s.id, version: 6 }))).toBe("invalidState");
    await fileSummonsCompletion(prisma, bank, { summonsId: s.id, version: 6, text: "已全部整改。" });
    expect(await codeOf(fileSummonsCompletion(prisma, other, { summonsId: s.id, version: 7, text: "x" }))).toBe("notFound");
    expect(await acceptSummonsCompletion(prisma, a.financeAdmin, { summonsId: s.id, version: 7 })).toMatchObject({ status: "COMPLETED" });
    expect((await getSummons(prisma, a.financeAdmin, s.id))!.steps).toEqual([]);

    const audit = await prisma.auditLog.findMany({
      where: { targetType: "Summons", targetId: s.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "summons.open",
      "summons.filePlan",
      "summons.returnPlan",
      "summons.filePlan",
      "summons.acceptPlan",
      "summons.cosign",
      "summons.fileCompletion",
      "summons.acceptCompletion",
    ]);
  });
});

describe("the next bulletin", () => {
  it("names the summonses of earlier quarters whose deadline passed without an accepted completion", async () => {
    const { w } = b;
    const late = await openSummons(prisma, w.actors.financeAdmin, openInput(w.participatingBankOrgId, "2026-11-05"));
    const q4 = { programId: w.programId, year: 2026, quarter: 4 };
    const ids = async (now: Date) => (await listOverdueSummons(prisma, w.actors.financeAdmin, { ...q4, now })).map((r) => r.id);
    expect(await ids(at("2026-11-05T12:00:00"))).not.toContain(late.id);
    expect(await ids(at("2026-11-06T09:00:00"))).toContain(late.id);
    // Not in the same quarter's own bulletin, and a bank sees only its own there.
    expect(
      (await listOverdueSummons(prisma, w.actors.financeAdmin, { ...q4, quarter: 3, now: at("2026-11-06T09:00:00") })).map((r) => r.id),
    ).not.toContain(late.id);
    expect(
      (await listOverdueSummons(prisma, w.actors.mainBankParentLiaison, { ...q4, now: at("2026-11-06T09:00:00") })).map((r) => r.id),
    ).not.toContain(late.id);
  });
});
