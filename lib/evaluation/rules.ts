// The half-year evaluation (半年一评估) as pure rules: an office's qualitative score, the
// quantitative part from two quarters, the combined score, its grade and who must
// rectify. The numbers themselves (criteria, weights, thresholds) are data, stored on each
// evaluation; the defaults below and their sources are in
// docs/decisions/025-half-year-evaluation.md.

export const EVALUATION_OFFICES = ["pbc", "finance"] as const;
export type TEvaluationOffice = (typeof EVALUATION_OFFICES)[number];

export const GRADE_KEYS = ["excellent", "good", "pass", "fail"] as const;
export type TGradeKey = (typeof GRADE_KEYS)[number];

export type TEvaluationCriterion = { key: string; office: TEvaluationOffice; name: string; maxPoints: number };

export type TEvaluationRules = {
  /** Percent of the combined score from each part; they add up to 100. */
  weights: { quantitative: number; pbc: number; finance: number };
  /** Highest first: a combined score at or above `min` earns the grade; the last has min 0. */
  grades: Array<{ grade: TGradeKey; min: number }>;
  /** A combined score strictly below this must rectify. */
  rectifyBelow: number;
  /** Each office's criteria, whose maximum points add up to 100. */
  criteria: TEvaluationCriterion[];
};

export const DEFAULT_EVALUATION_RULES: TEvaluationRules = {
  weights: { quantitative: 60, pbc: 20, finance: 20 },
  grades: [
    { grade: "excellent", min: 90 },
    { grade: "good", min: 75 },
    { grade: "pass", min: 60 },
    { grade: "fail", min: 0 },
  ],
  rectifyBelow: 60,
  criteria: [
    { key: "pbc.comprehensive", office: "pbc", name: "人民银行综合评价结果", maxPoints: 60 },
    { key: "pbc.inspection", office: "pbc", name: "综合执法检查情况", maxPoints: 40 },
    { key: "finance.quality", office: "finance", name: "融资任务完成质量", maxPoints: 50 },
    { key: "finance.effect", office: "finance", name: "融资任务完成效果", maxPoints: 50 },
  ],
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function criteriaOf(rules: TEvaluationRules, office: TEvaluationOffice): TEvaluationCriterion[] {
  return rules.criteria.filter((c) => c.office === office);
}

/** Why a list of points does not fit the office's criteria (count, range), or null. */
export function pointsProblem(rules: TEvaluationRules, office: TEvaluationOffice, points: readonly number[]): string | null {
  const criteria = criteriaOf(rules, office);
  if (points.length !== criteria.length) return "pointsCount";
  for (const [i, p] of points.entries()) if (!Number.isFinite(p) || p < 0 || p > criteria[i]!.maxPoints) return "pointsRange";
  return null;
}

/** An office's qualitative score (0–100): the sum of its criteria's points. */
export function officeScore(points: readonly number[]): number {
  return round2(points.reduce((a, b) => a + b, 0));
}

/**
 * The quantitative part: the mean of the bank's published total scores in the half's two
 * quarters. A quarter whose published ranking has no entry for the bank counts 0: the
 * evaluation judges the half year's task, and a quarter without a result did not meet it.
 */
export function quantitativeScore(quarterScores: readonly [number | null, number | null]): number {
  return round2(((quarterScores[0] ?? 0) + (quarterScores[1] ?? 0)) / 2);
}

export function combinedScore(rules: TEvaluationRules, parts: { quantitative: number; pbc: number; finance: number }): number {
  const w = rules.weights;
  return round2((w.quantitative * parts.quantitative + w.pbc * parts.pbc + w.finance * parts.finance) / 100);
}

export function gradeOf(rules: TEvaluationRules, combined: number): TGradeKey {
  const sorted = [...rules.grades].sort((a, b) => b.min - a.min);
  return (sorted.find((g) => combined >= g.min) ?? sorted[sorted.length - 1]!).grade;
}

export type TBankParts = {
  bankOrgId: string;
  quarterScores: readonly [number | null, number | null];
  pbcPoints: readonly number[];
  financePoints: readonly number[];
  rectifyPicked: boolean;
};

export type TBankResult = {
  bankOrgId: string;
  quantitative: number;
  pbcScore: number;
  financeScore: number;
  combinedScore: number;
  grade: TGradeKey;
  belowThreshold: boolean;
  mustRectify: boolean;
};

/** One bank's result: the parts, the combined score, the grade, and whether it must rectify. */
export function evaluateBank(rules: TEvaluationRules, bank: TBankParts): TBankResult {
  const quantitative = quantitativeScore(bank.quarterScores);
  const pbcScore = officeScore(bank.pbcPoints);
  const financeScore = officeScore(bank.financePoints);
  const combined = combinedScore(rules, { quantitative, pbc: pbcScore, finance: financeScore });
  const belowThreshold = combined < rules.rectifyBelow;
  return {
    bankOrgId: bank.bankOrgId,
    quantitative,
    pbcScore,
    financeScore,
    combinedScore: combined,
    grade: gradeOf(rules, combined),
    belowThreshold,
    mustRectify: belowThreshold || bank.rectifyPicked,
  };
}

/** 1: Q1–Q2, 2: Q3–Q4. */
export function quartersOfHalf(half: 1 | 2): [number, number] {
  return half === 1 ? [1, 2] : [3, 4];
}
