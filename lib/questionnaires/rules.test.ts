import { describe, expect, it } from "vitest";
import { checkAnswers, mayAnswer, responseRate, satisfactionPercent, shownStatus } from "./rules";
import { ZCreateQuestionnaire, ZQuestions, type TQuestion } from "./schemas";

const questions: TQuestion[] = ZQuestions.parse([
  { id: "q1", kind: "single", text: "本季度是否获得贷款", options: ["是", "否"] },
  { id: "q2", kind: "multi", text: "融资难点", options: ["利率高", "担保难", "审批慢"], required: false },
  { id: "q3", kind: "scale", text: "对主联系银行服务的满意度", satisfaction: true },
  { id: "q4", kind: "text", text: "意见建议", required: false, maxLength: 10 },
]);

describe("the questionnaire's window", () => {
  it("is open on its first and last day only when published", () => {
    expect(shownStatus("OPEN", "2026-12-01", "2026-12-20", "2026-11-30")).toBe("SCHEDULED");
    expect(mayAnswer("OPEN", "2026-12-01", "2026-12-20", "2026-12-01")).toBe(true);
    expect(mayAnswer("OPEN", "2026-12-01", "2026-12-20", "2026-12-20")).toBe(true);
    expect(shownStatus("OPEN", "2026-12-01", "2026-12-20", "2026-12-21")).toBe("CLOSED");
    expect(mayAnswer("DRAFT", "2026-12-01", "2026-12-20", "2026-12-10")).toBe(false);
    expect(mayAnswer("CLOSED", "2026-12-01", "2026-12-20", "2026-12-10")).toBe(false);
  });
});

describe("answers against their questions", () => {
  it("counts a satisfaction scale of 4 or 5 as satisfied", () => {
    expect(checkAnswers(questions, { q1: "是", q3: 4 })).toMatchObject({ errors: {}, rated: 1, satisfied: 1 });
    expect(checkAnswers(questions, { q1: "否", q3: 3 })).toMatchObject({ errors: {}, rated: 1, satisfied: 0 });
  });

  it("refuses a missing required answer, a foreign option, a score out of range and an over-long text", () => {
    const { errors } = checkAnswers(questions, { q2: ["利率高", "别的"], q3: 6, q4: "太长了太长了太长了太长了" });
    expect(errors).toEqual({ "answers.q1": "required", "answers.q2": "invalid", "answers.q3": "invalid", "answers.q4": "tooLong" });
  });

  it("drops answers to questions it does not have", () => {
    expect(checkAnswers(questions, { q1: "是", q3: 5, q9: "x" }).answers).toEqual({ q1: "是", q3: 5 });
  });
});

describe("rates", () => {
  it("are percents with two decimals, null on an empty denominator", () => {
    expect(responseRate(1, 3)).toBe(33.33);
    expect(responseRate(0, 0)).toBeNull();
    expect(satisfactionPercent(2, 3)).toBe(66.67);
    expect(satisfactionPercent(0, 0)).toBeNull();
  });
});

describe("the builder's input", () => {
  const base = { title: "问卷", year: "2026", quarter: "3", target: "ALL", opensOn: "2026-12-01", closesOn: "2026-12-20" };
  it("needs choices for a choice question and a scale for satisfaction", () => {
    const r = ZQuestions.safeParse([
      { id: "q1", kind: "single", text: "一", options: ["只有一个"] },
      { id: "q2", kind: "text", text: "二", satisfaction: true },
    ]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).sort()).toEqual(["satisfactionScaleOnly", "tooFewOptions"]);
  });
  it("needs a park or a tag for those targets and a window that ends after it opens", () => {
    const r = ZCreateQuestionnaire.safeParse({ ...base, target: "TAG", closesOn: "2026-11-01", questions: JSON.stringify(questions) });
    expect(r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual([
      "closesOn:closesBeforeOpens",
      "targetTag:required",
    ]);
    expect(ZCreateQuestionnaire.safeParse({ ...base, questions: JSON.stringify(questions) }).success).toBe(true);
  });
});
