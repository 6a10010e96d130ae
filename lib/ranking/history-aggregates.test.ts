import { describe, expect, it } from "vitest";
import { periodAggregates, type TRankingHistory } from "@/lib/ranking/history-aggregates";

const q = (year: number, quarter: number) => ({ rankingId: `${year}q${quarter}`, year, quarter });

describe("periodAggregates", () => {
  // A: 90, 80 | 70     B: 85, 85 | —      C: —, 60 | 100
  const history: TRankingHistory = {
    quarters: [q(2026, 1), q(2026, 2), q(2026, 3)],
    banks: [
      {
        bankOrgId: "a",
        bankName: "甲银行",
        points: [
          { score: 90, rank: 1 },
          { score: 80, rank: 2 },
          { score: 70, rank: 2 },
        ],
      },
      { bankOrgId: "b", bankName: "乙银行", points: [{ score: 85, rank: 2 }, { score: 85, rank: 1 }, null] },
      { bankOrgId: "c", bankName: "丙银行", points: [null, { score: 60, rank: 3 }, { score: 100, rank: 1 }] },
    ],
  };

  it("averages each bank's published quarters in the period and ranks by the average", () => {
    const [h1, h2, year] = periodAggregates(history);
    expect(h1).toMatchObject({ kind: "half", year: 2026, half: 1, quartersPublished: 2, complete: true });
    // A (90+80)/2 = 85 with 2 quarters, B 85 with 2: equal → name order (甲 before 乙); C 60.
    expect(h1!.rows.map((r) => [r.bankOrgId, r.averageScore, r.quartersCounted, r.rank])).toEqual([
      ["a", 85, 2, 1],
      ["b", 85, 2, 2],
      ["c", 60, 1, 3],
    ]);
    expect(h2).toMatchObject({ half: 2, quartersPublished: 1, complete: false });
    expect(h2!.rows.map((r) => [r.bankOrgId, r.averageScore])).toEqual([
      ["c", 100],
      ["a", 70],
    ]);
    // Year: A (90+80+70)/3 = 80, B 85 (2 quarters), C (60+100)/2 = 80 → B, then A (3 quarters) before C (2).
    expect(year).toMatchObject({ kind: "year", half: null, quartersPublished: 3, complete: false });
    expect(year!.rows.map((r) => [r.bankOrgId, r.averageScore, r.rank])).toEqual([
      ["b", 85, 1],
      ["a", 80, 2],
      ["c", 80, 3],
    ]);
  });

  it("does not count a quarter in which the bank was listed apart for having no return", () => {
    // D: 70 in Q1; in Q2 no return — its stored total 20 has no loan points — so the
    // half-year is 70 over 1 quarter, not (70 + 20) / 2 = 45 over 2.
    const withMissing: TRankingHistory = {
      quarters: [q(2026, 1), q(2026, 2)],
      banks: [
        {
          bankOrgId: "d",
          bankName: "丁银行",
          points: [
            { score: 70, rank: 1 },
            { score: 20, rank: 2, missingReturn: true },
          ],
        },
        { bankOrgId: "e", bankName: "戊银行", points: [null, { score: 20, rank: 2, missingReturn: true }] },
      ],
    };
    const [h1] = periodAggregates(withMissing);
    // E was never ranked in the half-year: no row.
    expect(h1!.rows.map((r) => [r.bankOrgId, r.averageScore, r.quartersCounted])).toEqual([["d", 70, 1]]);
  });

  it("rounds to 0.01 and gives nothing for an empty history", () => {
    const odd: TRankingHistory = {
      quarters: [q(2027, 1), q(2027, 2), q(2027, 4)],
      banks: [
        {
          bankOrgId: "x",
          bankName: "X",
          points: [
            { score: 80.01, rank: 1 },
            { score: 80.02, rank: 1 },
            { score: 1, rank: 1 },
          ],
        },
      ],
    };
    const [h1] = periodAggregates(odd);
    expect(h1!.rows[0]!.averageScore).toBe(80.02); // 80.015 → 80.02
    expect(periodAggregates({ quarters: [], banks: [] })).toEqual([]);
  });
});
