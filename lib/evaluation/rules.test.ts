import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_RULES as R, combinedScore, evaluateBank, gradeOf, pointsProblem, quantitativeScore } from "./rules";
import { ZEvaluationRules } from "./schemas";

describe("half-year evaluation rules", () => {
  it("takes the mean of the two quarters, a quarter without an entry counting 0", () => {
    expect(quantitativeScore([80, 70])).toBe(75);
    expect(quantitativeScore([80, null])).toBe(40);
  });

  it("grades at the thresholds: 90 优秀, 75 良好, 60 合格, below 不合格", () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99, 0].map((s) => gradeOf(R, s))).toEqual([
      "excellent",
      "good",
      "good",
      "pass",
      "pass",
      "fail",
      "fail",
    ]);
  });

  it("weighs 60 / 20 / 20 and requires rectification below 60 or when picked", () => {
    // 0.6 × 60 + 0.2 × 55 + 0.2 × 60 = 36 + 11 + 12 = 59 → below 60.
    expect(combinedScore(R, { quantitative: 60, pbc: 55, finance: 60 })).toBe(59);
    const base = { bankOrgId: "b", quarterScores: [60, 60] as const, pbcPoints: [35, 25], financePoints: [30, 30] };
    expect(evaluateBank(R, { ...base, rectifyPicked: false })).toMatchObject({ combinedScore: 60, grade: "pass", mustRectify: false });
    expect(evaluateBank(R, { ...base, rectifyPicked: true })).toMatchObject({ mustRectify: true, belowThreshold: false });
  });

  it("refuses points that do not fit the office's criteria", () => {
    expect(pointsProblem(R, "pbc", [60, 40])).toBeNull();
    expect(pointsProblem(R, "pbc", [60])).toBe("pointsCount");
    expect(pointsProblem(R, "finance", [51, 0])).toBe("pointsRange");
  });

  it("accepts the defaults and refuses weights or criteria that do not add up to 100", () => {
    expect(ZEvaluationRules.safeParse(R).success).toBe(true);
    expect(ZEvaluationRules.safeParse({ ...R, weights: { quantitative: 50, pbc: 20, finance: 20 } }).success).toBe(false);
    expect(ZEvaluationRules.safeParse({ ...R, criteria: R.criteria.slice(1) }).success).toBe(false);
    expect(ZEvaluationRules.safeParse({ ...R, grades: [...R.grades].reverse() }).success).toBe(false);
  });
});
