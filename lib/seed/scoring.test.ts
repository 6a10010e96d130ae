import { describe, expect, it } from "vitest";
import { scoreIndicator } from "@/lib/ranking/rules";
import { defaultScoringRules } from "./scoring";

const financing = () => defaultScoringRules().find((r) => r.indicator === "financingSatisfactionRate")!.rule;

describe("the demo rule set's 融资满足率", () => {
  it("gives points for a non-zero rate", () => {
    // 2 of 5 answered financing needs granted: 40%. 15 points × 40 / 80 = 7.50.
    expect(scoreIndicator(financing(), 40)).toBe(7.5);
    // 1 of 8 granted: 12.5%. 15 × 12.5 / 80 = 2.34375 → 2.34.
    expect(scoreIndicator(financing(), 12.5)).toBe(2.34);
  });

  it("gives full marks from 80% and none at 0% or without data", () => {
    expect(scoreIndicator(financing(), 80)).toBe(15);
    expect(scoreIndicator(financing(), 95)).toBe(15);
    expect(scoreIndicator(financing(), 0)).toBe(0);
    expect(scoreIndicator(financing(), null)).toBe(0);
  });
});

const growth = () => defaultScoringRules().find((r) => r.indicator === "loanGrowth")!.rule;

describe("the demo rule set's 贷款增速 (one quarter's growth)", () => {
  it("gives full marks to a bank on the annual +20% pace", () => {
    // 1.2^(1/4) − 1 = 4.6635…%: shown as 4.66, the target itself.
    expect(Math.round((Math.pow(1.2, 1 / 4) - 1) * 10_000) / 100).toBe(4.66);
    expect(scoreIndicator(growth(), 4.66)).toBe(15);
    // 5% a quarter compounds to 1.05^4 − 1 = 21.55% a year: full marks every quarter.
    expect(scoreIndicator(growth(), 5)).toBe(15);
  });

  it("takes 0.5 per 0.25 point (or part of one) below 4.66%", () => {
    // 4.41: 0.25 short, one step → 14.5.
    expect(scoreIndicator(growth(), 4.41)).toBe(14.5);
    // 4.00: 0.66 short = 2.64 steps → 3 → 15 − 1.5 = 13.5.
    expect(scoreIndicator(growth(), 4)).toBe(13.5);
    // 3.00: 1.66 short = 6.64 steps → 7 → 15 − 3.5 = 11.5.
    expect(scoreIndicator(growth(), 3)).toBe(11.5);
    // No growth: 4.66 short = 18.64 steps → 19 → 15 − 9.5 = 5.5.
    expect(scoreIndicator(growth(), 0)).toBe(5.5);
    // −2.00: 6.66 short = 26.64 steps → 27 → 15 − 13.5 = 1.5; −3.00 is floored at 0.
    expect(scoreIndicator(growth(), -2)).toBe(1.5);
    expect(scoreIndicator(growth(), -3)).toBe(0);
    expect(scoreIndicator(growth(), null)).toBe(0);
  });
});
