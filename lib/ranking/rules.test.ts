import { describe, expect, it } from "vitest";
import { defaultScoringRules } from "@/lib/seed/scoring";
import { maxPoints, scoreIndicator, type TScoringRule } from "./rules";
import { ZRuleSet } from "./schemas";

// The scoring table of 《**区有关推进社会信用环境建设创立金融生态环境示范区的实行方案》: "满意度在80%以上得3分，每下降1个百分点扣0.1分，扣完为止".
const satisfaction: TScoringRule = { kind: "threshold", points: 3, target: 80, step: 1, deduction: 0.1, direction: "higher" };
// Tiers in the same table's style: "95%以上得4分，80%以上得3分，70%以上得2分，60%以上得1分".
const tiers: TScoringRule = {
  kind: "tiers",
  tiers: [
    { min: 80, points: 3 },
    { min: 95, points: 4 },
    { min: 60, points: 1 },
    { min: 70, points: 2 },
  ],
};
// The same table: "每新发生一起…扣1分，扣完为止".
const perCase: TScoringRule = { kind: "perCount", points: 3, deduction: 1 };
const proportional: TScoringRule = { kind: "proportional", points: 20, best: 20000 };

describe("scoreIndicator: threshold", () => {
  it.each([
    [100, 3],
    [80, 3],
    [79, 2.9],
    [79.5, 2.9], // a partial step counts as a whole one
    [79.9, 2.9],
    [78.5, 2.8],
    [70, 2],
    [50, 0],
    [-400, 0], // far below floors at 0
  ])("satisfaction %d%% → %d points", (value, points) => {
    expect(scoreIndicator(satisfaction, value)).toBe(points);
  });

  it("direction lower: full at or below the target, minus per step above", () => {
    const days: TScoringRule = { kind: "threshold", points: 5, target: 3, step: 0.5, deduction: 1, direction: "lower" };
    expect(scoreIndicator(days, 2)).toBe(5);
    expect(scoreIndicator(days, 3)).toBe(5);
    expect(scoreIndicator(days, 3.2)).toBe(4);
    expect(scoreIndicator(days, 3.5)).toBe(4);
    expect(scoreIndicator(days, 3.51)).toBe(3);
    expect(scoreIndicator(days, 30)).toBe(0);
  });

  it("rounds to 0.01", () => {
    const rule: TScoringRule = { kind: "threshold", points: 10, target: 100, step: 3, deduction: 1 / 3, direction: "higher" };
    expect(scoreIndicator(rule, 99)).toBe(9.67);
  });
});

describe("scoreIndicator: tiers", () => {
  it.each([
    [100, 4],
    [95, 4],
    [94.99, 3],
    [80, 3],
    [79.99, 2],
    [70, 2],
    [60, 1],
    [59.99, 0],
    [0, 0],
  ])("%d → %d points (highest min reached, in any order)", (value, points) => {
    expect(scoreIndicator(tiers, value)).toBe(points);
  });
});

describe("scoreIndicator: perCount", () => {
  it.each([
    [0, 3],
    [1, 2],
    [2, 1],
    [3, 0],
    [7, 0],
  ])("%d cases → %d points, floored at 0", (value, points) => {
    expect(scoreIndicator(perCase, value)).toBe(points);
  });
});

describe("scoreIndicator: proportional", () => {
  it("scales to the best value and is capped at full points", () => {
    expect(scoreIndicator(proportional, 10000)).toBe(10);
    expect(scoreIndicator(proportional, 20000)).toBe(20);
    expect(scoreIndicator(proportional, 50000)).toBe(20);
    expect(scoreIndicator(proportional, 3333)).toBe(3.33);
    expect(scoreIndicator(proportional, 0)).toBe(0);
    expect(scoreIndicator(proportional, -500)).toBe(0); // a shrinking loan book earns nothing, never less
  });
});

describe("scoreIndicator: no data", () => {
  it("scores null (and non-finite values) as 0 for every kind", () => {
    for (const rule of [satisfaction, tiers, perCase, proportional]) {
      expect(scoreIndicator(rule, null)).toBe(0);
      expect(scoreIndicator(rule, Number.NaN)).toBe(0);
    }
  });
});

describe("maxPoints", () => {
  it("is the points of a rule, the highest tier of tiers", () => {
    expect(maxPoints(satisfaction)).toBe(3);
    expect(maxPoints(tiers)).toBe(4);
    expect(maxPoints(perCase)).toBe(3);
    expect(maxPoints(proportional)).toBe(20);
  });
});

describe("ZRuleSet", () => {
  const base = defaultScoringRules();
  const codes = (value: unknown) => {
    const result = ZRuleSet.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("accepts the demo program's default set (100 points)", () => {
    expect(ZRuleSet.safeParse(base).success).toBe(true);
    expect(base.reduce((s, r) => s + maxPoints(r.rule), 0)).toBe(100);
  });

  it("refuses a set whose points do not add up to 100", () => {
    const fewer = base.map((r, i) => (i === 0 ? { ...r, rule: { kind: "proportional", points: 19, best: 20000 } } : r));
    expect(codes(fewer)).toEqual(["pointsSum"]);
    const more = base.map((r, i) => (i === 0 ? { ...r, rule: { kind: "proportional", points: 20.5, best: 20000 } } : r));
    expect(codes(more)).toEqual(["pointsSum"]);
    expect(codes([])).toContain("pointsSum");
  });

  it("accepts points in hundredths that add up to 100", () => {
    const thirds = [
      { indicator: "replyRate", rule: { kind: "perCount", points: 33.33, deduction: 1 } },
      { indicator: "overdueItems", rule: { kind: "perCount", points: 33.33, deduction: 1 } },
      { indicator: "escalatedItems", rule: { kind: "perCount", points: 33.34, deduction: 1 } },
    ];
    expect(codes(thirds)).toEqual([]);
  });

  it("refuses an unknown indicator", () => {
    expect(codes([...base.slice(1), { indicator: "profit", rule: base[0]!.rule }])).toContain("unknownIndicator");
  });

  it("refuses the same indicator twice", () => {
    const twice = [...base.slice(0, -1), { indicator: "loanIncrement", rule: base.at(-1)!.rule }];
    expect(codes(twice)).toEqual(["duplicateIndicator"]);
  });

  it("refuses malformed rules", () => {
    const bad = (rule: unknown) => codes([{ indicator: "replyRate", rule }, ...base.filter((r) => r.indicator !== "replyRate")]);
    expect(bad({ kind: "threshold", points: 15, target: 80, step: 0, deduction: 1, direction: "higher" })).toContain("invalidNumber");
    expect(bad({ kind: "tiers", tiers: [] })).toContain("invalidRule");
    expect(
      bad({
        kind: "tiers",
        tiers: [
          { min: 80, points: 15 },
          { min: 80, points: 5 },
        ],
      }),
    ).toContain("duplicateTier");
    expect(bad({ kind: "bonus", points: 15 })).toContain("invalidRule");
    expect(bad({ kind: "proportional", points: -15, best: 1 }).length).toBeGreaterThan(0);
  });
});

describe("attainment: the percent of the bank's own target reached", () => {
  const rule: TScoringRule = { kind: "attainment", points: 20, floor: 60 };

  it("gives full marks from 100% of the target, never more", () => {
    expect(scoreIndicator(rule, 100)).toBe(20);
    expect(scoreIndicator(rule, 137.5)).toBe(20);
    expect(maxPoints(rule)).toBe(20);
  });

  it("gives nothing at or below the floor, and for no target (null)", () => {
    expect(scoreIndicator(rule, 60)).toBe(0);
    expect(scoreIndicator(rule, 12)).toBe(0);
    expect(scoreIndicator(rule, -5)).toBe(0);
    expect(scoreIndicator(rule, null)).toBe(0);
  });

  it("scores the share of the way from the floor to the target, to 0.01", () => {
    expect(scoreIndicator(rule, 80)).toBe(10);
    expect(scoreIndicator(rule, 90)).toBe(15);
    expect(scoreIndicator(rule, 99.99)).toBe(19.99);
    expect(scoreIndicator(rule, 61)).toBe(0.5);
  });

  it("with a floor of 0 it is proportional to attainment", () => {
    const plain: TScoringRule = { kind: "attainment", points: 10, floor: 0 };
    expect(scoreIndicator(plain, 45)).toBe(4.5);
    expect(scoreIndicator(plain, 0)).toBe(0);
  });

  it("is accepted in a rule set, with a floor below 100 only", () => {
    const withAttainment = (floor: unknown) =>
      ZRuleSet.safeParse([{ indicator: "replyRate", rule: { kind: "attainment", points: 100, floor } }]);
    expect(withAttainment(60).success).toBe(true);
    expect(withAttainment(100).success).toBe(false);
    expect(withAttainment(-1).success).toBe(false);
    expect(withAttainment("x").success).toBe(false);
  });
});
