import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import enRanking from "@/lib/i18n/messages/en/ranking.json";
import zhRanking from "@/lib/i18n/messages/zh-CN/ranking.json";
import { QUARTERLY_GROWTH_RULE } from "@/lib/seed/scoring";
import { ruleInWords, type TRankingT } from "@/lib/ranking/format";

const zh = createTranslator({ locale: "zh-CN", messages: zhRanking, namespace: "ranking" }) as unknown as TRankingT;
const en = createTranslator({ locale: "en", messages: enRanking, namespace: "ranking" }) as unknown as TRankingT;

describe("ruleInWords", () => {
  it("states a percent threshold's step in percentage points, not as a percent of the target", () => {
    expect(ruleInWords("loanGrowth", QUARTERLY_GROWTH_RULE, zh)).toBe(
      "达到 4.66% 得 15 分；每低 0.25 个百分点（不足 0.25 个百分点 按 0.25 个百分点 计）扣 0.5 分，扣完为止",
    );
    expect(ruleInWords("loanGrowth", QUARTERLY_GROWTH_RULE, en)).toBe(
      "15 points at 4.66% or more; 0.5 off for every 0.25 percentage points (or part of it) below, down to 0",
    );
  });

  it("keeps other units for their steps", () => {
    const days = { kind: "threshold", points: 5, target: 2, step: 1, deduction: 1, direction: "lower" } as const;
    expect(ruleInWords("avgDaysToFirstAnswer", days, zh)).toBe(
      "不超过 2 个工作日 得 5 分；每高 1 个工作日（不足 1 个工作日 按 1 个工作日 计）扣 1 分，扣完为止",
    );
  });
});
