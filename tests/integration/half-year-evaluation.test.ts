/**
 * The half-year evaluation (半年一评估) on the real database: open H1 → the central bank
 * and the finance office enter their qualitative points → the finance office picks one
 * bank for rectification by hand → finalise. The combined scores, grades and the
 * rectification list are worked out by hand below and compared with what is stored;
 * then who sees what (a bank only its own line's finalised row), the refusals on the way,
 * and the freeze (the mutations and SQL cannot change a finalised evaluation).
 *
 * Rules: the defaults (docs/decisions/025-half-year-evaluation.md) — weights quantitative
 * 60 / central bank 20 / finance office 20; grades 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60,
 * 不合格 below; rectification below 60. Criteria: central bank 综合评价 (60) + 综合执法检查
 * (40); finance office 完成质量 (50) + 完成效果 (50).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole, RankingStatus } from "@/lib/generated/prisma/enums";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import type { TActor } from "@/lib/auth/permissions";
import { DEFAULT_EVALUATION_RULES } from "@/lib/evaluation/rules";
import { enterEvaluationScores } from "@/lib/evaluation/mutations/enter-evaluation-scores";
import { finaliseEvaluation } from "@/lib/evaluation/mutations/finalise-evaluation";
import { openEvaluation } from "@/lib/evaluation/mutations/open-evaluation";
import { pickRectification } from "@/lib/evaluation/mutations/pick-rectification";
import { setEvaluationRules } from "@/lib/evaluation/mutations/set-evaluation-rules";
import { getEvaluation } from "@/lib/evaluation/queries/get-evaluation";
import { listEvaluations } from "@/lib/evaluation/queries/list-evaluations";
import { buildEvaluationWorkbook } from "@/lib/evaluation/build-evaluation-workbook";
import { codeOf, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag, TEST_META } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let finance: TActor;
let financeStaff: TActor;
let pbc: TActor;
let evaluationId: string;
const NOW = new Date("2026-07-20T02:00:00Z");
const opts = { now: NOW, meta: TEST_META };

/** A ranking of the quarter with the given total scores, published the way publication does it (entries first, status last). */
async function publishQuarter(quarter: number, totals: Record<string, number>): Promise<string> {
  const ruleSet = await prisma.scoringRuleSet.upsert({
    where: { programId_period_version: { programId: w.programId, period: "QUARTER", version: 1 } },
    create: { programId: w.programId, version: 1, name: "测试规则", rules: [] },
    update: {},
    select: { id: true },
  });
  const ranking = await prisma.ranking.create({
    data: { programId: w.programId, year: 2026, quarter, ruleSetId: ruleSet.id, status: RankingStatus.DRAFT },
    select: { id: true },
  });
  const ordered = Object.entries(totals).sort((a, b) => b[1] - a[1]);
  await prisma.rankingEntry.createMany({
    data: ordered.map(([bankOrgId, total], i) => ({ rankingId: ranking.id, bankOrgId, totalScore: total, rank: i + 1, breakdown: [] })),
  });
  await prisma.ranking.update({ where: { id: ranking.id }, data: { status: RankingStatus.PUBLISHED, publishedAt: NOW } });
  return ranking.id;
}

const score = (actor: TActor, bankOrgId: string, points: number[], comment?: string) =>
  enterEvaluationScores(prisma, actor, { evaluationId, bankOrgId, rulesVersion: 1, points, comment: comment ?? null }, opts);

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  // A third ranked bank: the world pairs the main and the participating bank with the park.
  await prisma.parkBankPairing.create({
    data: { programId: w.programId, year: 2026, parkId: w.otherParkId, bankOrgId: w.otherBankOrgId, role: PairingRole.MAIN },
  });
  finance = actorOf(w.actors.financeAdmin);
  financeStaff = actorOf(w.actors.financeStaff);
  pbc = actorOf(w.actors.centralBankStaff);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("half-year evaluation", () => {
  it("opens H1 for every ranked bank, under the default rules, once", async () => {
    expect(await codeOf(openEvaluation(prisma, pbc, { programId: w.programId, year: 2026, half: 1 }, opts))).toBe("forbidden");
    const opened = await openEvaluation(prisma, finance, { programId: w.programId, year: 2026, half: 1 }, opts);
    evaluationId = opened.evaluationId;
    expect(opened.banks).toBe(3);
    expect(await codeOf(openEvaluation(prisma, finance, { programId: w.programId, year: 2026, half: 1 }, opts))).toBe("evaluationExists");
    const detail = await getEvaluation(prisma, finance, evaluationId);
    expect(detail!.rules).toEqual(DEFAULT_EVALUATION_RULES);
    // Banks see nothing of an open evaluation.
    expect(await getEvaluation(prisma, actorOf(w.actors.mainBankParentLiaison), evaluationId)).toBeNull();
    expect(await listEvaluations(prisma, actorOf(w.actors.mainBankParentLiaison))).toEqual([]);
  });

  it("keeps the rules editable until the first score, then frozen", async () => {
    const rules = { ...DEFAULT_EVALUATION_RULES, rectifyBelow: 60 };
    const changed = await setEvaluationRules(prisma, finance, { evaluationId, rulesVersion: 1, rules }, opts);
    expect(changed.rulesVersion).toBe(2);
    // A form filled under version 1 is refused.
    expect(await codeOf(score(pbc, w.mainBankOrgId, [50, 30]))).toBe("conflict");
  });

  it("takes each office's points for its own criteria, and refuses points that do not fit", async () => {
    const s = (actor: TActor, bank: string, points: number[], comment?: string) =>
      enterEvaluationScores(prisma, actor, { evaluationId, bankOrgId: bank, rulesVersion: 2, points, comment: comment ?? null }, opts);
    expect(await codeOf(s(pbc, w.mainBankOrgId, [61, 30]))).toBe("invalidInput"); // 综合评价 max 60
    expect(await codeOf(s(pbc, w.mainBankOrgId, [50]))).toBe("invalidInput"); // two criteria
    expect(await codeOf(s(actorOf(w.actors.mainBankParentLiaison), w.mainBankOrgId, [50, 30]))).toBe("forbidden");
    // Central bank: 综合评价 + 综合执法检查.
    await s(pbc, w.mainBankOrgId, [50, 30]); //              = 80
    await s(pbc, w.participatingBankOrgId, [36, 24], "综合评价偏低"); // = 60
    await s(pbc, w.otherBankOrgId, [40, 20], "执法检查发现违规"); //  = 60
    // Finance office (staff may score): 完成质量 + 完成效果.
    await s(financeStaff, w.mainBankOrgId, [45, 40]); //       = 85
    await s(finance, w.participatingBankOrgId, [30, 28]); //   = 58
    await s(finance, w.otherBankOrgId, [35, 35]); //           = 70
    expect(
      await codeOf(setEvaluationRules(prisma, finance, { evaluationId, rulesVersion: 2, rules: DEFAULT_EVALUATION_RULES }, opts)),
    ).toBe("rulesFrozen");
  });

  it("finalises only with both quarters published", async () => {
    await publishQuarter(1, { [w.mainBankOrgId]: 80, [w.participatingBankOrgId]: 55.5, [w.otherBankOrgId]: 66 });
    expect(await codeOf(finaliseEvaluation(prisma, finance, evaluationId, opts))).toBe("quartersNotPublished");
    await publishQuarter(2, { [w.mainBankOrgId]: 70, [w.participatingBankOrgId]: 48.5, [w.otherBankOrgId]: 64 });
  });

  it("combines both parts into the grade and lists the banks that must rectify (threshold + one by hand)", async () => {
    expect(
      await codeOf(pickRectification(prisma, finance, { evaluationId, bankOrgId: w.otherBankOrgId, picked: true, reason: null }, opts)),
    ).toBe("invalidInput");
    expect(
      await codeOf(pickRectification(prisma, pbc, { evaluationId, bankOrgId: w.otherBankOrgId, picked: true, reason: "x" }, opts)),
    ).toBe("forbidden");
    await pickRectification(
      prisma,
      finance,
      { evaluationId, bankOrgId: w.otherBankOrgId, picked: true, reason: "综合执法检查发现违规问题，须制定整改措施" },
      opts,
    );
    expect(await codeOf(finaliseEvaluation(prisma, financeStaff, evaluationId, opts))).toBe("forbidden");
    const { results } = await finaliseEvaluation(prisma, finance, evaluationId, opts);
    const by = new Map(results.map((r) => [r.bankOrgId, r]));

    // Main bank: quantitative (80 + 70) / 2 = 75; central bank 50 + 30 = 80; finance 45 + 40 = 85.
    // Combined 0.6 × 75 + 0.2 × 80 + 0.2 × 85 = 45 + 16 + 17 = 78.00 → 良好 (75 ≤ 78 < 90); 78 ≥ 60: no rectification.
    expect(by.get(w.mainBankOrgId)).toMatchObject({
      quantitative: 75,
      pbcScore: 80,
      financeScore: 85,
      combinedScore: 78,
      grade: "good",
      belowThreshold: false,
      mustRectify: false,
    });
    // Participating bank: (55.5 + 48.5) / 2 = 52; central bank 36 + 24 = 60; finance 30 + 28 = 58.
    // Combined 0.6 × 52 + 0.2 × 60 + 0.2 × 58 = 31.2 + 12 + 11.6 = 54.80 → 不合格; below 60: must rectify.
    expect(by.get(w.participatingBankOrgId)).toMatchObject({
      quantitative: 52,
      pbcScore: 60,
      financeScore: 58,
      combinedScore: 54.8,
      grade: "fail",
      belowThreshold: true,
      mustRectify: true,
    });
    // Other bank: (66 + 64) / 2 = 65; central bank 40 + 20 = 60; finance 35 + 35 = 70.
    // Combined 0.6 × 65 + 0.2 × 60 + 0.2 × 70 = 39 + 12 + 14 = 65.00 → 合格; above the threshold,
    // but picked by hand: must rectify.
    expect(by.get(w.otherBankOrgId)).toMatchObject({
      quantitative: 65,
      pbcScore: 60,
      financeScore: 70,
      combinedScore: 65,
      grade: "pass",
      belowThreshold: false,
      mustRectify: true,
    });
    // The rectification list: the participating bank (threshold) and the other bank (by hand).
    const detail = await getEvaluation(prisma, finance, evaluationId);
    expect(detail!.status).toBe("FINALISED");
    expect(
      detail!.rows
        .filter((r) => r.result?.mustRectify)
        .map((r) => r.bankOrgId)
        .sort(),
    ).toEqual([w.participatingBankOrgId, w.otherBankOrgId].sort());
    expect(detail!.rows.find((r) => r.bankOrgId === w.otherBankOrgId)).toMatchObject({
      rectifyPicked: true,
      rectifyReason: "综合执法检查发现违规问题，须制定整改措施",
    });
    const stored = await prisma.halfYearEvaluationBank.findUniqueOrThrow({
      where: { evaluationId_bankOrgId: { evaluationId, bankOrgId: w.otherBankOrgId } },
      select: { rectifyById: true, combinedScore: true, grade: true },
    });
    expect(stored.rectifyById).toBe(finance.userId);
    expect(Number(stored.combinedScore)).toBe(65);
    // The banks are told, the ones that must rectify in those words.
    const told = await prisma.notification.findMany({
      where: { link: `/evaluations/${evaluationId}` },
      select: { orgId: true, kind: true },
    });
    expect(told.find((n) => n.orgId === w.participatingBankOrgId)?.kind).toBe("evaluation.rectify");
    expect(told.find((n) => n.orgId === w.mainBankOrgId)?.kind).toBe("evaluation.finalised");
    const audits = await prisma.auditLog.findMany({ where: { targetId: evaluationId }, select: { action: true } });
    expect(new Set(audits.map((a) => a.action))).toEqual(
      new Set([
        "evaluations.opened",
        "evaluations.rulesChanged",
        "evaluations.scored",
        "evaluations.rectificationPicked",
        "evaluations.finalised",
      ]),
    );
  });

  it("shows a bank its own line's result only; the workbook has the table", async () => {
    const participating = await getEvaluation(prisma, actorOf(w.actors.participatingBankLiaison), evaluationId);
    expect(participating!.rows.map((r) => r.bankOrgId)).toEqual([w.participatingBankOrgId]);
    expect(participating!.rows[0]!.result).toMatchObject({ grade: "fail", mustRectify: true });
    // The servicing sub-branch belongs to the evaluated main bank: it sees the main bank's row.
    const sub = await getEvaluation(prisma, actorOf(w.actors.mainBankLiaison), evaluationId);
    expect(sub!.rows.map((r) => r.bankOrgId)).toEqual([w.mainBankOrgId]);
    const listed = await listEvaluations(prisma, actorOf(w.actors.participatingBankLiaison));
    expect(listed.map((e) => [e.id, e.mustRectify])).toEqual([[evaluationId, 1]]);
    expect(await getEvaluation(prisma, actorOf(w.actors.parkStaff), evaluationId)).toBeNull();
    const file = await buildEvaluationWorkbook((await getEvaluation(prisma, finance, evaluationId))!, (key) => key);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(4); // header + 3 banks
    const combined = [2, 3, 4].map((i) => [sheet.getRow(i).getCell(1).value, sheet.getRow(i).getCell(9).value]);
    expect(combined).toEqual([
      [expect.any(String), 78],
      [expect.any(String), 65],
      [expect.any(String), 54.8],
    ]);
  });

  it("refuses any change once finalised, through the mutations and through SQL", async () => {
    expect(await codeOf(score(pbc, w.mainBankOrgId, [60, 40]))).toBe("evaluationFinalised");
    expect(
      await codeOf(pickRectification(prisma, finance, { evaluationId, bankOrgId: w.mainBankOrgId, picked: true, reason: "x" }, opts)),
    ).toBe("evaluationFinalised");
    expect(await codeOf(finaliseEvaluation(prisma, finance, evaluationId, opts))).toBe("evaluationFinalised");
    await expect(
      prisma.$executeRaw`UPDATE "HalfYearEvaluationBank" SET grade = 'excellent' WHERE "evaluationId" = ${evaluationId}::uuid`,
    ).rejects.toThrow(/finalised/);
    await expect(prisma.$executeRaw`UPDATE "HalfYearEvaluation" SET status = 'OPEN' WHERE id = ${evaluationId}::uuid`).rejects.toThrow(
      /finalised/,
    );
  });
});
