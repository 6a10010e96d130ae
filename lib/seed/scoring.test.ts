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
