/**
 * The ranking workflow on the real database: rule-set versions are
 * validated and never changed; compute draft → finance office review → central bank
 * review → publish, with every refusal on the way; who sees what; previews store
 * nothing; and PUBLISHING FREEZES — after publication an item changes through the real
 * workflow mutations (and the bank is renamed), a preview proves the change would move
 * the numbers, yet the published entries, snapshot and PDF bulletin text stay the same,
 * and SQL cannot change the published rows.
 */
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { computeDraftRanking, previewRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { bulletinFromRanking } from "@/lib/ranking/pdf/bulletin-from-ranking";
import { renderBulletinPdf } from "@/lib/ranking/pdf/render-bulletin-pdf";
import { periodAggregates } from "@/lib/ranking/history-aggregates";
import { rankingHistory } from "@/lib/ranking/queries/ranking-history";
import { getRanking } from "@/lib/ranking/queries/get-ranking";
import { listRankings } from "@/lib/ranking/queries/list-rankings";
import { buildRankingWorkbook } from "@/lib/ranking/build-ranking-workbook";
import { getCurrentRuleSet, listRuleSets } from "@/lib/ranking/queries/list-rule-sets";
import type { TIndicatorsT, TRankingT } from "@/lib/ranking/format";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import zhIndicators from "@/lib/i18n/messages/zh-CN/indicators.json";
import zhRanking from "@/lib/i18n/messages/zh-CN/ranking.json";
import { appErrorOf, at, canDoAnswer, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let kit: ReturnType<typeof workflowKit>;
let itemId: string;
let itemVersion: number;

const NOW = at("2026-11-27T10:00:00");
const Q3 = () => ({ programId: w.programId, year: 2026, quarter: 3 as const });

// 100 points: reply rate decides most of it, so answering the open item moves the score.
const RULES: TRuleSetItem[] = [
  { indicator: "replyRate", rule: { kind: "proportional", points: 60, best: 100 } },
  {
    indicator: "onTimeReplyRate",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 95, points: 30 },
        { min: 60, points: 15 },
      ],
    },
  },
  { indicator: "overdueItems", rule: { kind: "perCount", points: 10, deduction: 5 } },
];

const messages = { ...zhRanking, ...zhIndicators };
const t = createTranslator({ locale: "zh-CN", messages, namespace: "ranking" }) as unknown as TRankingT;
const ti = createTranslator({ locale: "zh-CN", messages, namespace: "indicators" }) as unknown as TIndicatorsT;

async function bulletinText(rankingId: string): Promise<string> {
  const ranking = await getRanking(prisma, w.actors.financeAdmin, rankingId);
  const data = bulletinFromRanking(ranking!);
  expect(data).not.toBeNull();
  const pdf = await renderBulletinPdf(data!, {
    fontPath: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    fontName: "NotoSansCJKsc-Regular",
    t,
    ti,
    locale: "zh-CN",
  });
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
}

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  kit = workflowKit(prisma, w);
  // One item in Q3, forwarded to the main bank's servicing sub-branch and signed, never
  // answered by the end of the quarter.
  const signed = await kit.signed(at("2026-08-03T10:00:00"));
  itemId = signed.id;
  itemVersion = signed.version;
  // Both ranked banks filed their Q3 return (without figures: the rules here score items
  // only), so both are placed (a bank without one is listed apart as 未报送).
  await prisma.quarterlySubmission.createMany({
    data: [w.mainBankOrgId, w.participatingBankOrgId].map((bankOrgId) => ({
      programId: w.programId,
      bankOrgId,
      year: 2026,
      quarter: 3,
      status: "SUBMITTED" as const,
      submittedAt: at("2026-10-09T10:00:00"),
    })),
  });
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("scoring rule sets", () => {
  it("are validated, saved as version N+1 by the finance administrator only, and never changed", async () => {
    const a = w.actors;
    expect(await codeOf(saveRuleSet(prisma, a.financeStaff, { programId: w.programId, name: "规则", rules: RULES }))).toBe("forbidden");
    const badSum = await appErrorOf(
      saveRuleSet(prisma, a.financeAdmin, { programId: w.programId, name: "规则", rules: RULES.slice(0, 2) }),
    );
    expect(badSum.code).toBe("invalidInput");
    expect(badSum.fieldErrors).toMatchObject({ rules: "pointsSum" });
    const unknown = await appErrorOf(
      saveRuleSet(prisma, a.financeAdmin, {
        programId: w.programId,
        name: "规则",
        rules: [{ indicator: "nonsense", rule: { kind: "perCount", points: 100, deduction: 1 } }],
      }),
    );
    expect(unknown.fieldErrors).toMatchObject({ "rules.0.indicator": "unknownIndicator" });

    const v1 = await saveRuleSet(prisma, a.financeAdmin, {
      programId: w.programId,
      name: "第一版",
      rules: [{ indicator: "replyRate", rule: { kind: "proportional", points: 100, best: 100 } }],
    });
    expect(v1.version).toBe(1);
    const stored1 = await prisma.scoringRuleSet.findUniqueOrThrow({ where: { id: v1.ruleSetId } });
    expect(
      await codeOf(saveRuleSet(prisma, a.financeAdmin, { programId: w.programId, name: "过时", rules: RULES, basedOnVersion: 0 })),
    ).toBe("conflict");
    const v2 = await saveRuleSet(prisma, a.financeAdmin, {
      programId: w.programId,
      name: "季度考核评分规则",
      rules: RULES,
      basedOnVersion: 1,
    });
    expect(v2.version).toBe(2);

    expect(await prisma.scoringRuleSet.findUniqueOrThrow({ where: { id: v1.ruleSetId } })).toEqual(stored1);
    expect((await getCurrentRuleSet(prisma, w.programId))?.rules).toEqual(RULES);
    expect((await listRuleSets(prisma, w.programId)).map((r) => r.version)).toEqual([2, 1]);
    expect(await prisma.auditLog.count({ where: { action: "scoring.ruleSetSaved", targetId: { in: [v1.ruleSetId, v2.ruleSetId] } } })).toBe(
      2,
    );
  });
});

describe("compute → review → publish", () => {
  let rankingId: string;

  it("computes a draft only for the finance administrator and only once the quarter has ended", async () => {
    const a = w.actors;
    expect(await codeOf(computeDraftRanking(prisma, a.financeStaff, Q3(), { now: NOW }))).toBe("forbidden");
    expect(await codeOf(computeDraftRanking(prisma, a.centralBankStaff, Q3(), { now: NOW }))).toBe("forbidden");
    expect(await codeOf(computeDraftRanking(prisma, a.financeAdmin, Q3(), { now: at("2026-09-30T23:00:00") }))).toBe("quarterNotEnded");

    const computed = await computeDraftRanking(prisma, a.financeAdmin, Q3(), { now: NOW });
    rankingId = computed.rankingId;
    expect(computed).toMatchObject({ ruleSetVersion: 2, banks: 2 });
    const row = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId }, include: { entries: true } });
    expect(row).toMatchObject({ status: "DRAFT", computedById: a.financeAdmin.userId, year: 2026, quarter: 3 });
    expect(row.entries.map((e) => e.rank).sort()).toEqual([1, 2]);
    const snapshot = row.snapshot as { rules: unknown; bottomListSize: number; ruleSet: { version: number }; inputs: { banks: unknown[] } };
    expect(snapshot.rules).toEqual(RULES);
    expect(snapshot.bottomListSize).toBe(5);
    expect(snapshot.ruleSet.version).toBe(2);
    expect(snapshot.inputs.banks).toHaveLength(2);
  });

  it("shows drafts to the offices but not to banks or parks", async () => {
    const a = w.actors;
    expect((await listRankings(prisma, a.centralBankStaff, w.programId)).map((r) => r.id)).toEqual([rankingId]);
    expect(await listRankings(prisma, a.mainBankParentLiaison, w.programId)).toEqual([]);
    expect(await getRanking(prisma, a.mainBankParentLiaison, rankingId)).toBeNull();
    expect(await getRanking(prisma, a.parkStaff, rankingId)).toBeNull();
  });

  it("needs both reviews before publication; a recompute clears them", async () => {
    const a = w.actors;
    expect(await codeOf(publishRanking(prisma, a.financeAdmin, rankingId, { now: NOW }))).toBe("notReviewed");
    expect(await codeOf(reviewRanking(prisma, a.mainBankManager, rankingId))).toBe("forbidden");
    expect(await codeOf(reviewRanking(prisma, a.financeStaff, rankingId))).toBe("forbidden");

    expect(await reviewRanking(prisma, a.financeAdmin, rankingId, { now: NOW })).toEqual({ side: "finance" });
    expect((await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId } })).status).toBe("UNDER_REVIEW");
    expect(await codeOf(reviewRanking(prisma, a.financeAdmin, rankingId))).toBe("alreadyReviewed");
    expect(await codeOf(publishRanking(prisma, a.financeAdmin, rankingId, { now: NOW }))).toBe("notReviewed");

    // Recomputing replaces the entries of the same ranking and clears the review.
    const again = await computeDraftRanking(prisma, a.financeAdmin, Q3(), { now: NOW });
    expect(again.rankingId).toBe(rankingId);
    const cleared = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId } });
    expect(cleared).toMatchObject({ status: "DRAFT", financeReviewedAt: null, pbcReviewedAt: null });
    expect(await prisma.rankingEntry.count({ where: { rankingId } })).toBe(2);

    await reviewRanking(prisma, a.centralBankStaff, rankingId, { now: NOW });
    expect(await codeOf(publishRanking(prisma, a.financeAdmin, rankingId, { now: NOW }))).toBe("notReviewed");
    await reviewRanking(prisma, a.financeAdmin, rankingId, { now: NOW });
    const reviewed = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId } });
    expect(reviewed).toMatchObject({
      status: "UNDER_REVIEW",
      financeReviewedById: a.financeAdmin.userId,
      pbcReviewedById: a.centralBankStaff.userId,
    });

    expect(await codeOf(publishRanking(prisma, a.financeStaff, rankingId, { now: NOW }))).toBe("forbidden");
    expect(await codeOf(publishRanking(prisma, a.centralBankStaff, rankingId, { now: NOW }))).toBe("forbidden");
    expect(await publishRanking(prisma, a.financeAdmin, rankingId, { now: NOW })).toEqual({ publishedAt: NOW });
    const published = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId } });
    expect(published).toMatchObject({ status: "PUBLISHED", publishedById: a.financeAdmin.userId, publishedAt: NOW });
    expect((published.snapshot as { issuer: { orgId: string } }).issuer.orgId).toBe(w.financeOrgId);
    expect(
      await prisma.auditLog.count({
        where: { targetId: rankingId, action: { in: ["rankings.computed", "rankings.reviewed", "rankings.published"] } },
      }),
    ).toBe(6);
  });

  it("refuses anything after publication: recompute, review, publish again", async () => {
    const a = w.actors;
    expect(await codeOf(computeDraftRanking(prisma, a.financeAdmin, Q3(), { now: NOW }))).toBe("alreadyPublished");
    expect(await codeOf(reviewRanking(prisma, a.centralBankStaff, rankingId))).toBe("alreadyPublished");
    expect(await codeOf(publishRanking(prisma, a.financeAdmin, rankingId))).toBe("alreadyPublished");
  });

  it("shows the published ranking to banks, with cost items only for their own bank", async () => {
    const a = w.actors;
    const own = await getRanking(prisma, a.mainBankParentLiaison, rankingId);
    const other = await getRanking(prisma, a.participatingBankLiaison, rankingId);
    expect(own?.entries).toHaveLength(2);
    const mainForOwn = own!.entries.find((e) => e.bankOrgId === w.mainBankOrgId)!;
    const mainForOther = other!.entries.find((e) => e.bankOrgId === w.mainBankOrgId)!;
    expect(mainForOwn.own).toBe(true);
    const ownItems = mainForOwn.breakdown.flatMap((b) => b.costItems.map((c) => c.requestId));
    expect(ownItems).toContain(itemId);
    expect(mainForOther.own).toBe(false);
    expect(mainForOther.breakdown.flatMap((b) => b.costItems)).toEqual([]);
    // …but the same totals and points, as in the bulletin.
    expect(mainForOther.breakdown.map((b) => b.points)).toEqual(mainForOwn.breakdown.map((b) => b.points));
    expect(await getRanking(prisma, a.enterpriseOwner, rankingId)).toBeNull();

    const history = await rankingHistory(prisma, a.participatingBankLiaison, w.programId);
    expect(history.quarters).toEqual([{ rankingId, year: 2026, quarter: 3 }]);
    expect(history.banks.find((b) => b.bankOrgId === w.mainBankOrgId)?.points).toEqual([
      { score: mainForOwn.totalScore, rank: mainForOwn.rank },
    ]);
  });

  it("PUBLISHING FREEZES: a later change of the item and of the bank's name leaves entries, snapshot and bulletin unchanged", async () => {
    const a = w.actors;
    const before = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId }, include: { entries: { orderBy: { rank: "asc" } } } });
    const bulletinBefore = await bulletinText(rankingId);
    expect(bulletinBefore).toContain("2026年第三季度银行机构服务质效通报");
    expect(bulletinBefore).toContain(`主联系行分行 ${w.tag}`);
    const previewBefore = await previewRanking(prisma, a.financeAdmin, { ...Q3(), rules: RULES }, { now: NOW });

    // The bank answers the open item (through the real workflow) and is renamed.
    await answerRequest(prisma, a.mainBankLiaison, canDoAnswer({ id: itemId, version: itemVersion } as never), {
      now: at("2026-11-26T10:00:00"),
    });
    await prisma.organization.update({ where: { id: w.mainBankOrgId }, data: { name: `改名后的银行 ${w.tag}` } });

    // The change matters: the same quarter computed now scores the main bank differently.
    const previewAfter = await previewRanking(prisma, a.financeAdmin, { ...Q3(), rules: RULES }, { now: NOW });
    const score = (p: typeof previewBefore) => p.entries.find((e) => e.bankOrgId === w.mainBankOrgId)!;
    expect(score(previewAfter).totalScore).not.toBe(score(previewBefore).totalScore);
    expect(score(previewAfter).bankName).toContain("改名后的银行");

    const after = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId }, include: { entries: { orderBy: { rank: "asc" } } } });
    expect(after).toEqual(before);
    const bulletinAfter = await bulletinText(rankingId);
    expect(bulletinAfter).toBe(bulletinBefore);
    expect(bulletinAfter).not.toContain("改名后的银行");
  });

  it("exports the published ranking as Excel, with the viewer's cost items only", async () => {
    const sheets = async (actor: typeof w.actors.financeAdmin) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildRankingWorkbook((await getRanking(prisma, actor, rankingId))!, t, ti)) as never);
      return Object.fromEntries(workbook.worksheets.map((ws) => [ws.name, ws.getSheetValues().slice(2) as unknown[][]]));
    };
    const forOwn = await sheets(w.actors.mainBankParentLiaison);
    const forOther = await sheets(w.actors.participatingBankLiaison);
    expect(Object.keys(forOwn)).toEqual(["排名", "分项得分", "评分规则", "扣分事项"]);
    expect(forOwn["排名"]!.map((row) => row[1])).toEqual([1, 2]);
    expect(forOwn["评分规则"]).toHaveLength(RULES.length);
    expect(forOwn["扣分事项"]!.length).toBeGreaterThan(0);
    expect(forOther["扣分事项"]).toHaveLength(0);
  });

  it("the database refuses to change a published ranking or its entries", async () => {
    await expect(prisma.$executeRawUnsafe(`UPDATE "Ranking" SET "status" = 'DRAFT' WHERE id = '${rankingId}'`)).rejects.toThrow(
      /published/,
    );
    await expect(
      prisma.$executeRawUnsafe(`UPDATE "RankingEntry" SET "totalScore" = 100 WHERE "rankingId" = '${rankingId}'`),
    ).rejects.toThrow(/published/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "Ranking" WHERE id = '${rankingId}'`)).rejects.toThrow(/published/);
    expect((await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId } })).status).toBe("PUBLISHED");
  });
});

describe("preview", () => {
  it("computes under changed rules and stores nothing; validates; finance administrator only", async () => {
    const a = w.actors;
    const counts = async () => ({
      rankings: await prisma.ranking.count({ where: { programId: w.programId } }),
      entries: await prisma.rankingEntry.count({ where: { ranking: { programId: w.programId } } }),
      ruleSets: await prisma.scoringRuleSet.count({ where: { programId: w.programId } }),
      audit: await prisma.auditLog.count(),
    });
    const before = await counts();
    const heavy: TRuleSetItem[] = [{ indicator: "overdueItems", rule: { kind: "perCount", points: 100, deduction: 50 } }];
    const result = await previewRanking(
      prisma,
      a.financeAdmin,
      { programId: w.programId, year: 2026, quarter: 2, rules: heavy },
      { now: NOW },
    );
    expect(result.entries).toHaveLength(2);
    expect(result.entries.every((e) => e.breakdown.length === 1 && e.breakdown[0]!.indicator === "overdueItems")).toBe(true);
    expect(await counts()).toEqual(before);

    const bad = await appErrorOf(
      previewRanking(prisma, a.financeAdmin, {
        ...Q3(),
        rules: [{ indicator: "replyRate", rule: { kind: "proportional", points: 90, best: 100 } }],
      }),
    );
    expect(bad.fieldErrors).toMatchObject({ rules: "pointsSum" });
    expect(await codeOf(previewRanking(prisma, a.centralBankStaff, { ...Q3(), rules: RULES }))).toBe("forbidden");
    expect(await codeOf(previewRanking(prisma, a.mainBankManager, { ...Q3(), rules: RULES }))).toBe("forbidden");
  });

  it("half-year and annual aggregates follow the published history", async () => {
    const history = await rankingHistory(prisma, w.actors.financeAdmin, w.programId);
    const aggregates = periodAggregates(history);
    expect(aggregates.map((x) => [x.kind, x.half, x.complete])).toEqual([
      ["half", 2, false],
      ["year", null, false],
    ]);
    expect(aggregates[0]!.rows.map((r) => r.rank)).toEqual([1, 2]);
  });
});
