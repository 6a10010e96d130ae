/**
 * The half-year evaluations of the demo (半年一评估): the first half year finalised — both
 * offices' points, the quarters' scores the finance office read, each bank's combined
 * score, grade and rectification (one bank below the line; the demo liaison's bank picked
 * by hand, with a reason) — and the second half year open, with the central bank's points
 * entered for the first banks and the finance office's not yet. A reference date in the
 * first half year gives only the open first half. Results come from the real rules
 * (lib/evaluation/rules.ts). The finalised one is inserted OPEN and flipped by
 * finaliseSeededEvaluations once its rows are in: the trigger refuses rows of a finalised
 * evaluation. Its own random stream: adding it changes no other seeded row.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { EvaluationStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_EVALUATION_RULES, criteriaOf, evaluateBank, type TEvaluationOffice } from "@/lib/evaluation/rules";
import { Rng } from "./random";
import { shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

export const FINALISE_SEEDED_EVALUATIONS_SQL = `UPDATE "HalfYearEvaluation" SET status = 'FINALISED' WHERE status = 'OPEN' AND "finalisedAt" IS NOT NULL`;

export async function finaliseSeededEvaluations(db: Pick<Prisma.TransactionClient, "$executeRawUnsafe">): Promise<number> {
  return db.$executeRawUnsafe(FINALISE_SEEDED_EVALUATIONS_SQL);
}

const PICK_REASON = "综合执法检查发现贷款资金用途管理问题，须制定整改措施并限期整改。";

/** Points per criterion of the office, each a share of the criterion's maximum (in half points). */
function drawPoints(rng: Rng, office: TEvaluationOffice, share: [number, number]): number[] {
  return criteriaOf(DEFAULT_EVALUATION_RULES, office).map((c) => Math.round(c.maxPoints * rng.float(share[0], share[1]) * 2) / 2);
}

type TEvaluationRow = Prisma.HalfYearEvaluationCreateManyInput;
type TBankRow = Prisma.HalfYearEvaluationBankCreateManyInput;

// The bulk insert takes rows of one shape per table: every column, null where unset.
const evaluationRow = (
  row: Omit<TEvaluationRow, "finalisedAt" | "finalisedById" | "snapshot"> & Partial<TEvaluationRow>,
): TEvaluationRow => ({
  finalisedAt: null,
  finalisedById: null,
  snapshot: {},
  ...row,
});
const bankRow = (row: Pick<TBankRow, "id" | "evaluationId" | "bankOrgId" | "updatedAt"> & Partial<TBankRow>): TBankRow => ({
  pbcPoints: undefined,
  pbcComment: null,
  pbcById: null,
  pbcAt: null,
  financePoints: undefined,
  financeComment: null,
  financeById: null,
  financeAt: null,
  rectifyPicked: false,
  rectifyReason: null,
  rectifyById: null,
  rectifyAt: null,
  quantitative: null,
  pbcScore: null,
  financeScore: null,
  combinedScore: null,
  grade: null,
  mustRectify: false,
  ...row,
});

export function buildEvaluations(ctx: TSeedContext, rows: TSeedRows): void {
  const rng = new Rng(ctx.options.seed, "evaluations");
  const rankedIndexes = [...new Set(ctx.parks.flatMap((p) => [p.mainBank, ...p.participating]))].sort((a, b) => a - b);
  const banks = rankedIndexes.map((i) => ctx.banks[i]!).filter(Boolean);
  if (banks.length === 0) return;
  const secondHalfBegun = ctx.nowMs >= shanghaiInstant(`${ctx.year}-07-01`, 0);
  const rules = DEFAULT_EVALUATION_RULES as unknown as Prisma.InputJsonValue;

  if (secondHalfBegun) {
    const id = rng.uuid();
    const openedAt = new Date(shanghaiInstant(`${ctx.year}-07-13`, 9));
    const finalisedAt = new Date(Math.min(shanghaiInstant(`${ctx.year}-07-31`, 16), ctx.nowMs - 86_400_000));
    const scores: Record<string, [number, number]> = {};
    rows.halfYearEvaluation.push(
      evaluationRow({
        id,
        programId: ctx.programId,
        year: ctx.year,
        half: 1,
        status: EvaluationStatus.OPEN,
        rules,
        openedAt,
        openedById: ctx.financeAdminUserId,
        finalisedAt,
        finalisedById: ctx.financeAdminUserId,
      }),
    );
    banks.forEach((bank, i) => {
      // The last ranked bank lags in every part: below the rectification line.
      const lagging = i === banks.length - 1;
      const quarterScores: [number, number] = lagging
        ? [Math.round(rng.float(40, 50) * 100) / 100, Math.round(rng.float(38, 48) * 100) / 100]
        : [Math.round(rng.float(62, 96) * 100) / 100, Math.round(rng.float(62, 96) * 100) / 100];
      scores[bank.orgId] = quarterScores;
      const pbcPoints = drawPoints(rng, "pbc", lagging ? [0.45, 0.55] : [0.7, 1]);
      const financePoints = drawPoints(rng, "finance", lagging ? [0.45, 0.55] : [0.7, 1]);
      const picked = bank.index === 0;
      const result = evaluateBank(DEFAULT_EVALUATION_RULES, {
        bankOrgId: bank.orgId,
        quarterScores,
        pbcPoints,
        financePoints,
        rectifyPicked: picked,
      });
      rows.halfYearEvaluationBank.push(
        bankRow({
          id: rng.uuid(),
          evaluationId: id,
          bankOrgId: bank.orgId,
          pbcPoints,
          pbcComment: lagging ? "综合评价结果偏低，对结对园区融资需求响应不及时。" : null,
          pbcById: ctx.pbcStaffUserId,
          pbcAt: new Date(openedAt.getTime() + 3 * 86_400_000),
          financePoints,
          financeComment: lagging ? "融资任务完成质量和效果均未达到要求。" : null,
          financeById: ctx.financeStaffUserId,
          financeAt: new Date(openedAt.getTime() + 5 * 86_400_000),
          rectifyPicked: picked,
          rectifyReason: picked ? PICK_REASON : null,
          rectifyById: picked ? ctx.financeAdminUserId : null,
          rectifyAt: picked ? new Date(openedAt.getTime() + 6 * 86_400_000) : null,
          quantitative: result.quantitative,
          pbcScore: result.pbcScore,
          financeScore: result.financeScore,
          combinedScore: result.combinedScore,
          grade: result.grade,
          mustRectify: result.mustRectify,
          updatedAt: finalisedAt,
        }),
      );
    });
    rows.halfYearEvaluation[rows.halfYearEvaluation.length - 1]!.snapshot = {
      quarters: [
        { quarter: 1, rankingId: null, publishedAt: null },
        { quarter: 2, rankingId: null, publishedAt: null },
      ],
      scores,
      finalisedAt: finalisedAt.toISOString(),
      demo: true,
    };
  }

  // The half year under way: opened, the central bank has scored the first banks.
  const half = secondHalfBegun ? 2 : 1;
  const id = rng.uuid();
  const openedAt = new Date(Math.min(shanghaiInstant(`${ctx.year}-${half === 2 ? "11" : "05"}-20`, 9), ctx.nowMs - 2 * 86_400_000));
  rows.halfYearEvaluation.push(
    evaluationRow({
      id,
      programId: ctx.programId,
      year: ctx.year,
      half,
      status: EvaluationStatus.OPEN,
      rules,
      openedAt,
      openedById: ctx.financeAdminUserId,
    }),
  );
  banks.forEach((bank, i) => {
    const scored = i < Math.ceil(banks.length / 2);
    rows.halfYearEvaluationBank.push(
      bankRow({
        id: rng.uuid(),
        evaluationId: id,
        bankOrgId: bank.orgId,
        pbcPoints: scored ? drawPoints(rng, "pbc", [0.6, 1]) : undefined,
        pbcById: scored ? ctx.pbcStaffUserId : null,
        pbcAt: scored ? new Date(openedAt.getTime() + 86_400_000) : null,
        updatedAt: openedAt,
      }),
    );
  });
}
