/**
 * Loan growth under the default scoring rules, on the real database, with numbers worked
 * out by hand below.
 *
 * loanGrowth is one quarter's increment over the quarter's opening balance (closing
 * balance − increment). The default rule scores it against 4.66% a quarter — the
 * quarterly equivalent of +20% a year, 1.2^(1/4) − 1 = 4.6635…% — with 15 points at or
 * above it and 0.5 off per 0.25 point (or part of one) below.
 *
 * Two banks, both paired with the world's park, each file four quarterly returns for 2026:
 *   A grows 5% every quarter (10,000 → 12,155.0625 万元: +21.55% over the year);
 *   B grows 4% every quarter (10,000 → 11,698.5856 万元: +16.99% over the year).
 * And a 2025 Q4 ranking published under the FIRST default rule (growth against +20% with
 * a point per percent) stays exactly as published when the data migration gives the
 * program the new rule as version 2. In 2025 Q3 only A filed a return: B was listed apart,
 * and the yearly aggregate counts for B only the quarter it was ranked in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { periodAggregates } from "@/lib/ranking/history-aggregates";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { listRuleSets } from "@/lib/ranking/queries/list-rule-sets";
import { rankingHistory } from "@/lib/ranking/queries/ranking-history";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import { ANNUAL_TARGET_GROWTH_RULE, QUARTERLY_GROWTH_RULE, defaultScoringRules } from "@/lib/seed/scoring";
import { at, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let A: string;
let B: string;

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261205075554_quarterly_growth_target/migration.sql");

/** 万元 → fen (1 万元 = 1,000,000 fen), exact for up to four decimals of 万元. */
const wan = (w: string) => {
  const [whole, frac = ""] = w.split(".");
  return BigInt(whole!) * 1_000_000n + BigInt((frac + "0000").slice(0, 4)) * 100n;
};

// [closing balance, increment] in 万元 per quarter. Growth = increment ÷ (closing − increment).
const RETURNS: Record<"A" | "B", Record<number, [string, string]>> = {
  A: {
    1: ["10500", "500"], // 500 ÷ 10,000 = 5.00%
    2: ["11025", "525"], // 525 ÷ 10,500 = 5.00%
    3: ["11576.25", "551.25"], // 551.25 ÷ 11,025 = 5.00%
    4: ["12155.0625", "578.8125"], // 578.8125 ÷ 11,576.25 = 5.00%
  },
  B: {
    1: ["10400", "400"], // 400 ÷ 10,000 = 4.00%
    2: ["10816", "416"], // 416 ÷ 10,400 = 4.00%
    3: ["11248.64", "432.64"], // 432.64 ÷ 10,816 = 4.00%
    4: ["11698.5856", "449.9456"], // 449.9456 ÷ 11,248.64 = 4.00%
  },
};
// 2025 Q4, ranked under the first default rule: A 476.19 ÷ 9,523.81 = 4.99999…% → 5.00;
// B 384.62 ÷ 9,615.38 = 4.00002…% → 4.00.
const RETURNS_2025_Q4: Record<"A" | "B", [string, string]> = { A: ["10000", "476.19"], B: ["10000", "384.62"] };

const QUARTER_END_NEXT_DAY = { 1: "2026-04-01", 2: "2026-07-01", 3: "2026-10-08", 4: "2027-01-04" } as const;

async function file(bankOrgId: string, year: number, quarter: number, [balance, increment]: [string, string], submittedOn: string) {
  await prisma.quarterlySubmission.create({
    data: {
      programId: w.programId,
      bankOrgId,
      year,
      quarter,
      status: SubmissionStatus.SUBMITTED,
      submittedAt: at(`${submittedOn}T10:00:00`),
      figures: {
        create: [
          {
            parkId: w.parkId,
            loanBalanceFen: wan(balance),
            loanIncrementFen: wan(increment),
            borrowers: 100,
            firstLoans: 10,
            creditLoans: 10,
          },
        ],
      },
    },
  });
}

/** The loanGrowth row of every bank in a stored ranking: bank → [value, points, maxPoints]. */
async function growthRows(rankingId: string): Promise<Record<string, [number | null, number, number]>> {
  const entries = await prisma.rankingEntry.findMany({ where: { rankingId }, select: { bankOrgId: true, breakdown: true } });
  const out: Record<string, [number | null, number, number]> = {};
  for (const e of entries) {
    const row = (e.breakdown as Array<{ indicator: string; value: number | null; points: number; maxPoints: number }>).find(
      (r) => r.indicator === "loanGrowth",
    )!;
    out[e.bankOrgId === A ? "A" : "B"] = [row.value, row.points, row.maxPoints];
  }
  return out;
}

/** The first default rule set: today's defaults with growth scored against +20% a year. */
const firstDefaultRules = (): TRuleSetItem[] =>
  defaultScoringRules().map((r) => (r.indicator === "loanGrowth" ? { ...r, rule: ANNUAL_TARGET_GROWTH_RULE } : r));

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  A = w.mainBankOrgId;
  B = w.participatingBankOrgId;
  // The same pairing in 2025, for the ranking published last year.
  await prisma.parkBankPairing.createMany({
    data: [
      { programId: w.programId, year: 2025, parkId: w.parkId, bankOrgId: A, role: PairingRole.MAIN },
      { programId: w.programId, year: 2025, parkId: w.parkId, bankOrgId: B, role: PairingRole.PARTICIPATING },
    ],
  });
  await file(A, 2025, 3, ["9523.81", "300"], "2025-10-10"); // B files nothing for 2025 Q3
  await file(A, 2025, 4, RETURNS_2025_Q4.A, "2026-01-06");
  await file(B, 2025, 4, RETURNS_2025_Q4.B, "2026-01-06");
  for (const q of [1, 2, 3, 4] as const) {
    await file(A, 2026, q, RETURNS.A[q]!, QUARTER_END_NEXT_DAY[q]);
    await file(B, 2026, q, RETURNS.B[q]!, QUARTER_END_NEXT_DAY[q]);
  }
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("loan growth scored per quarter", () => {
  let published: { id: string; snapshot: unknown; entries: unknown };

  it("under the first default rule, 5% a quarter lost half the growth points (published 2025 Q4)", async () => {
    const a = w.actors;
    await saveRuleSet(prisma, a.financeAdmin, { programId: w.programId, name: "2025年度考核评分规则", rules: firstDefaultRules() });
    const q3 = at("2025-10-20T10:00:00");
    const { rankingId: q3Id } = await computeDraftRanking(
      prisma,
      a.financeAdmin,
      { programId: w.programId, year: 2025, quarter: 3 },
      { now: q3 },
    );
    await reviewRanking(prisma, a.financeAdmin, q3Id, { now: q3 });
    await reviewRanking(prisma, a.centralBankStaff, q3Id, { now: q3 });
    await publishRanking(prisma, a.financeAdmin, q3Id, { now: q3 });
    const now = at("2026-01-20T10:00:00");
    const { rankingId, ruleSetVersion } = await computeDraftRanking(
      prisma,
      a.financeAdmin,
      { programId: w.programId, year: 2025, quarter: 4 },
      { now },
    );
    expect(ruleSetVersion).toBe(1);
    // A: 5.00 against 20: 15 short = 15 steps of 1 → 15 − 7.5 = 7.5.
    // B: 4.00 against 20: 16 short → 15 − 8 = 7.
    expect(await growthRows(rankingId)).toEqual({ A: [5, 7.5, 15], B: [4, 7, 15] });
    await reviewRanking(prisma, a.financeAdmin, rankingId, { now });
    await reviewRanking(prisma, a.centralBankStaff, rankingId, { now });
    await publishRanking(prisma, a.financeAdmin, rankingId, { now });
    const row = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId }, select: { snapshot: true } });
    const entries = await prisma.rankingEntry.findMany({ where: { rankingId }, orderBy: { rank: "asc" } });
    published = { id: rankingId, snapshot: row.snapshot, entries };
  });

  it("the data migration gives the program version 2 with the quarterly target, changing nothing stored", async () => {
    await prisma.$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));
    const versions = await listRuleSets(prisma, w.programId);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const [v2, v1] = versions;
    expect(v2!.name).toBe("2025年度考核评分规则（贷款增速按季度目标计分）");
    expect(v2!.rules).toEqual(defaultScoringRules()); // same order, only the growth rule replaced
    expect(v2!.rules!.find((r) => r.indicator === "loanGrowth")!.rule).toEqual(QUARTERLY_GROWTH_RULE);
    expect(v1!.rules).toEqual(firstDefaultRules());
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "scoring.ruleSetSaved", targetId: v2!.id } });
    expect(audit.details).toMatchObject({ programId: w.programId, fromVersion: 1, toVersion: 2, source: "migration" });

    // Run again: the newest version no longer carries the first rule, so nothing is added.
    await prisma.$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));
    expect((await listRuleSets(prisma, w.programId)).length).toBe(2);

    // The published ranking still shows the points and rules it was published with.
    const row = await prisma.ranking.findUniqueOrThrow({
      where: { id: published.id },
      select: { snapshot: true, ruleSet: { select: { version: true } } },
    });
    expect(row.snapshot).toEqual(published.snapshot);
    expect(row.ruleSet.version).toBe(1);
    expect(await prisma.rankingEntry.findMany({ where: { rankingId: published.id }, orderBy: { rank: "asc" } })).toEqual(published.entries);
    expect(await growthRows(published.id)).toEqual({ A: [5, 7.5, 15], B: [4, 7, 15] });
  });

  it("the yearly aggregate counts only the quarters in which a bank was ranked", async () => {
    const history = await rankingHistory(prisma, w.actors.financeAdmin, w.programId);
    expect(history.quarters.map((q) => `${q.year}Q${q.quarter}`)).toEqual(["2025Q3", "2025Q4"]);
    const b = history.banks.find((x) => x.bankOrgId === B)!;
    expect(b.points[0]).toMatchObject({ missingReturn: true }); // no return in 2025 Q3: listed apart, not ranked
    expect(b.points[1]).not.toHaveProperty("missingReturn");
    const year = periodAggregates(history).find((g) => g.kind === "year" && g.year === 2025)!;
    const counted = Object.fromEntries(year.rows.map((r) => [r.bankOrgId === A ? "A" : "B", r.quartersCounted]));
    expect(counted).toEqual({ A: 2, B: 1 });
  });

  it("5% every quarter earns full growth points in each quarter; 4% loses 1.5 of them", async () => {
    const nowAfter = { 1: "2026-04-20", 2: "2026-07-20", 3: "2026-10-20", 4: "2027-01-20" } as const;
    for (const quarter of [1, 2, 3, 4] as const) {
      const { rankingId, ruleSetVersion } = await computeDraftRanking(
        prisma,
        w.actors.financeAdmin,
        { programId: w.programId, year: 2026, quarter },
        { now: at(`${nowAfter[quarter]}T10:00:00`) },
      );
      expect(ruleSetVersion).toBe(2);
      // A: 5.00 ≥ 4.66 → 15 of 15.
      // B: 4.00 is 0.66 short = 2.64 steps of 0.25 → 3 steps × 0.5 = 1.5 off → 13.5.
      expect(await growthRows(rankingId), `2026 Q${quarter}`).toEqual({ A: [5, 15, 15], B: [4, 13.5, 15] });
    }
  });
});
