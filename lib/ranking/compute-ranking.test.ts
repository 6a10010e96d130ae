import { describe, expect, it } from "vitest";
import { computeRanking } from "./compute-ranking";
import { INDICATOR_KEYS, type TIndicatorKey } from "./indicators";
import type { TQuarterBankInputs, TQuarterInputs } from "./queries/compute-quarter-inputs";
import type { TRuleSetItem } from "./rules";

const RULES: TRuleSetItem[] = [
  {
    indicator: "replyRate",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 95, points: 40 },
        { min: 80, points: 30 },
        { min: 60, points: 10 },
      ],
    },
  },
  {
    indicator: "enterpriseSatisfactionRate",
    rule: { kind: "threshold", points: 30, target: 80, step: 1, deduction: 1, direction: "higher" },
  },
  { indicator: "escalatedItems", rule: { kind: "perCount", points: 30, deduction: 10 } },
];

function bank(
  name: string,
  values: Partial<Record<TIndicatorKey, number | null>>,
  submittedAt: string | null,
  extra: Partial<TQuarterBankInputs> = {},
): TQuarterBankInputs {
  const all = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Record<TIndicatorKey, number | null>;
  return {
    bankOrgId: `id-${name}`,
    bankName: name,
    submittedAt: submittedAt ? new Date(submittedAt) : null,
    values: { ...all, ...values },
    costItems: {},
    ...extra,
  };
}

const inputs = (banks: TQuarterBankInputs[]): TQuarterInputs => ({
  programId: "p",
  year: 2026,
  quarter: 3,
  computedAt: new Date("2026-10-20T00:00:00Z"),
  banks,
});

describe("computeRanking", () => {
  it("adds the points of every rule and ranks by total", () => {
    // A: 40 + 30 + 30 = 100 · B: 30 + (80 − 78.5 → 2 steps) 28 + (1 case) 20 = 78 · C: 10 + 0 + 0 = 10
    const result = computeRanking(
      inputs([
        bank("C", { replyRate: 60, enterpriseSatisfactionRate: 40, escalatedItems: 5 }, null),
        bank("A", { replyRate: 96, enterpriseSatisfactionRate: 90, escalatedItems: 0 }, "2026-10-09T02:00:00Z"),
        bank("B", { replyRate: 85, enterpriseSatisfactionRate: 78.5, escalatedItems: 1 }, "2026-10-09T02:00:00Z"),
      ]),
      RULES,
      { bottomListSize: 1 },
    );
    expect(result.entries.map((e) => [e.bankName, e.totalScore, e.rank, e.bottomList])).toEqual([
      ["A", 100, 1, false],
      ["B", 78, 2, false],
      ["C", 10, 3, true],
    ]);
    const b = result.entries[1]!;
    expect(b.breakdown.map((r) => [r.indicator, r.value, r.points, r.maxPoints])).toEqual([
      ["replyRate", 85, 30, 40],
      ["enterpriseSatisfactionRate", 78.5, 28, 30],
      ["escalatedItems", 1, 20, 30],
    ]);
  });

  it("lists cost items only under indicators that lost points", () => {
    const item = { requestId: "r1", serial: "RQ2026-000001", reason: "escalatedOverdue" };
    const late = { requestId: "r2", serial: "RQ2026-000002", reason: "answeredLate" };
    const result = computeRanking(
      inputs([
        bank("A", { replyRate: 96, enterpriseSatisfactionRate: 90, escalatedItems: 1 }, null, {
          costItems: { escalatedItems: [item], replyRate: [late] },
        }),
      ]),
      RULES,
      { bottomListSize: 0 },
    );
    const rows = result.entries[0]!.breakdown;
    expect(rows.find((r) => r.indicator === "escalatedItems")!.costItems).toEqual([item]);
    expect(rows.find((r) => r.indicator === "replyRate")!.costItems).toEqual([]); // full points: nothing cost anything
    expect(result.entries[0]!.bottomList).toBe(false);
  });

  it("breaks a tie by the on-time reply rate (higher first, none last)", () => {
    const same = { replyRate: 85, enterpriseSatisfactionRate: 90, escalatedItems: 0 };
    const result = computeRanking(
      inputs([
        bank("甲", { ...same, onTimeReplyRate: null }, "2026-10-01T00:00:00Z"),
        bank("乙", { ...same, onTimeReplyRate: 70 }, "2026-10-01T00:00:00Z"),
        bank("丙", { ...same, onTimeReplyRate: 90 }, "2026-10-09T00:00:00Z"),
      ]),
      RULES,
      { bottomListSize: 2 },
    );
    expect(result.entries.map((e) => [e.bankName, e.rank, e.bottomList])).toEqual([
      ["丙", 1, false],
      ["乙", 2, true],
      ["甲", 3, true],
    ]);
  });

  it("then by the earlier submission (none last), then by name", () => {
    const same = { replyRate: 85, enterpriseSatisfactionRate: 90, escalatedItems: 0, onTimeReplyRate: 80 };
    const result = computeRanking(
      inputs([
        bank("工商银行", same, null),
        bank("农业银行", same, "2026-10-12T08:00:00Z"),
        bank("建设银行", same, "2026-10-09T08:00:00Z"),
        bank("中国银行", same, "2026-10-12T08:00:00Z"),
      ]),
      RULES,
      { bottomListSize: 5 },
    );
    // 农业 (nóng) before 中国 (zhōng) in pinyin order; 工商 without a submission comes last.
    expect(result.entries.map((e) => [e.bankName, e.rank])).toEqual([
      ["建设银行", 1],
      ["农业银行", 2],
      ["中国银行", 3],
      ["工商银行", 4],
    ]);
    expect(result.entries.every((e) => e.bottomList)).toBe(true); // bottom 5 of 4 is everyone
  });

  it("sums totals in hundredths without float drift", () => {
    const rules: TRuleSetItem[] = [
      { indicator: "replyRate", rule: { kind: "proportional", points: 33.33, best: 100 } },
      { indicator: "onTimeReplyRate", rule: { kind: "proportional", points: 33.33, best: 100 } },
      { indicator: "overdueItems", rule: { kind: "perCount", points: 33.34, deduction: 0.1 } },
    ];
    const [entry] = computeRanking(inputs([bank("A", { replyRate: 10, onTimeReplyRate: 20, overdueItems: 1 }, null)]), rules, {
      bottomListSize: 0,
    }).entries;
    // 3.33 + 6.67 + 33.24 = 43.24
    expect(entry!.breakdown.map((r) => r.points)).toEqual([3.33, 6.67, 33.24]);
    expect(entry!.totalScore).toBe(43.24);
  });
});

describe("a bank without a quarterly return (docs/decisions/017-missing-quarterly-return.md)", () => {
  const banks = () =>
    inputs([
      bank("A", { replyRate: 96, enterpriseSatisfactionRate: 90, escalatedItems: 0 }, "2026-10-09T02:00:00Z"),
      bank("B", { replyRate: 85, enterpriseSatisfactionRate: 78.5, escalatedItems: 1 }, "2026-10-09T02:00:00Z"),
      bank("C", { replyRate: 60, enterpriseSatisfactionRate: 40, escalatedItems: 5 }, "2026-10-10T02:00:00Z"),
      // The best reply figures, but no return: not placed above or below anyone who filed.
      bank("N", { replyRate: 100, enterpriseSatisfactionRate: 100, escalatedItems: 0 }, null),
      bank("M", {}, null),
    ]);

  it("comes after every bank that filed, is flagged, and is never on the bottom list", () => {
    const { entries } = computeRanking(banks(), RULES, { bottomListSize: 2, unrankWithoutReturn: true });
    expect(entries.map((e) => [e.bankName, e.rank, e.bottomList, e.missingReturn])).toEqual([
      ["A", 1, false, false],
      ["B", 2, true, false],
      ["C", 3, true, false],
      ["N", 4, false, true],
      ["M", 5, false, true],
    ]);
  });

  it("is ranked on its figures like any bank when the rule is not asked for (rankings computed before it)", () => {
    const { entries } = computeRanking(banks(), RULES, { bottomListSize: 2 });
    // N ties A on 100 points; A filed, so the submission tie-break puts A first.
    expect(entries.map((e) => e.bankName)).toEqual(["A", "N", "B", "C", "M"]);
    expect(entries.filter((e) => e.bottomList).map((e) => e.bankName)).toEqual(["C", "M"]);
    expect(entries.every((e) => !e.missingReturn)).toBe(true);
  });
});
