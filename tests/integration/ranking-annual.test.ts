/**
 * The annual assessment (年度考核) on the real database, with numbers worked out by hand
 * below: an annual result from four quarters' returns and the year's items whose bottom
 * list differs from every quarter's.
 *
 * Three banks, all paired with the world's park for 2026: A (the main bank; its items go
 * to its sub-branch and count for it), B (participating), C (a third bank). The program's
 * bottom list is set to 1 (后1位).
 *
 * Returns (万元; one park each). 2025 Q4 — the previous year-end — 10,000 and 100
 * borrowers for all three. 2026 increments per quarter (balance chains from 10,000):
 *   A: 100, 500, 100, 500  → balances 10,100 10,600 10,700 11,200
 *   B: 500, 100, 500, 100  → balances 10,500 10,600 11,100 11,200
 *   C: 300, 300, 300, 300  → balances 10,300 10,600 10,900 11,200
 * Quarterly growth = increment ÷ (balance − increment):
 *   Q1: A 100/10,000 = 1.00   B 500/10,000 = 5.00    C 300/10,000 = 3.00   → bottom A
 *   Q2: A 500/10,100 = 4.95   B 100/10,500 = 0.95    C 300/10,300 = 2.91   → bottom B
 *   Q3: A 100/10,600 = 0.94   B 500/10,600 = 4.72    C 300/10,600 = 2.83   → bottom A
 *   Q4: A 500/10,700 = 4.67   B 100/11,100 = 0.90    C 300/10,900 = 2.75   → bottom B
 * (quarterly rules: loanGrowth only, proportional, 100 points at 10%.)
 *
 * The year (annual rules, 100 points):
 *   annualLoanGrowth  tiers ≥20 → 30, ≥10 → 15. Every bank: (11,200 − 10,000) ÷ 10,000
 *                     = 12.00% → 15. The year levels what the quarters scattered.
 *   replyRate         tiers ≥95 → 30, ≥50 → 15, over every item forwarded in 2026:
 *                     A 2 of 2 answered (May, Nov) = 100 → 30; B 2 of 2 (Feb, Aug) → 30;
 *                     C 1 of 2 (Mar answered, Sep owed and never answered) = 50 → 15.
 *   borrowersChange   proportional 20 at +20: year-end borrowers A 120, B 118, C 105
 *                     against 100 → +20 → 20, +18 → 18, +5 → 5.
 *   onTimeSubmission  proportional 10 at 100 (25 per return filed on time):
 *                     A 4 of 4 → 100 → 10; B Q3 late → 75 → 7.5; C 4 of 4 → 10.
 *   loanTargetAttainment  attainment 10 points, floor 50, against the annual target:
 *                     A 1,200 of 1,200 → 100% → 10; B 1,200 of 1,500 → 80% →
 *                     10 × (80 − 50) ÷ 50 = 6; C has no target → no data → 0.
 * Totals: A 15 + 30 + 20 + 10 + 10 = 85; B 15 + 30 + 18 + 7.5 + 6 = 76.5;
 *         C 15 + 15 + 5 + 10 + 0 = 45.
 * Annual ranks A 1, B 2, C 3: the bottom list is C — never a quarter's bottom — and the
 * top list is A.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  BankLevel,
  LedgerAction,
  OrgKind,
  PairingRole,
  RankingPeriod,
  RequestStatus,
  RequestType,
  SubmissionStatus,
} from "@/lib/generated/prisma/enums";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { computeDraftAnnualRanking } from "@/lib/ranking/mutations/compute-draft-annual-ranking";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { bulletinFromRanking } from "@/lib/ranking/pdf/bulletin-from-ranking";
import { getRanking } from "@/lib/ranking/queries/get-ranking";
import { listRankings } from "@/lib/ranking/queries/list-rankings";
import { readAnnualResult } from "@/lib/ranking/queries/read-annual-result";
import { listRuleSets } from "@/lib/ranking/queries/list-rule-sets";
import { rankingHistory } from "@/lib/ranking/queries/ranking-history";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import { appErrorOf, at, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
const bank = {} as Record<"A" | "B" | "C", string>;

const wan = (n: number) => BigInt(n) * 1_000_000n;

const QUARTERLY_RULES: TRuleSetItem[] = [{ indicator: "loanGrowth", rule: { kind: "proportional", points: 100, best: 10 } }];
const ANNUAL_RULES: TRuleSetItem[] = [
  {
    indicator: "annualLoanGrowth",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 20, points: 30 },
        { min: 10, points: 15 },
      ],
    },
  },
  {
    indicator: "replyRate",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 95, points: 30 },
        { min: 50, points: 15 },
      ],
    },
  },
  { indicator: "borrowersChange", rule: { kind: "proportional", points: 20, best: 20 } },
  { indicator: "onTimeSubmission", rule: { kind: "proportional", points: 10, best: 100 } },
  { indicator: "loanTargetAttainment", rule: { kind: "attainment", points: 10, floor: 50 } },
];

const INCREMENTS: Record<"A" | "B" | "C", number[]> = { A: [100, 500, 100, 500], B: [500, 100, 500, 100], C: [300, 300, 300, 300] };
const YEAR_END_BORROWERS = { A: 120, B: 118, C: 105 };
// Each quarter's return is due the 15th of the month after; B's Q3 return comes late.
const DUE = ["2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"];

async function file(bankOrgId: string, year: number, quarter: number, balance: number, increment: number, borrowers: number, late = false) {
  const due = year === 2025 ? "2026-01-15" : DUE[quarter - 1]!;
  await prisma.quarterlySubmission.create({
    data: {
      programId: w.programId,
      bankOrgId,
      year,
      quarter,
      status: SubmissionStatus.SUBMITTED,
      dueAt: at(`${due}T23:59:59.999`),
      submittedAt: new Date(at(`${due}T10:00:00`).getTime() + (late ? 3 * 86_400_000 : 0)),
      figures: {
        create: [
          { parkId: w.parkId, loanBalanceFen: wan(balance), loanIncrementFen: wan(increment), borrowers, firstLoans: 10, creditLoans: 10 },
        ],
      },
    },
  });
}

let serial = 0;
async function item(bankOrgId: string, forwarded: string, due: string, answeredOn: string | null) {
  const r = await prisma.request.create({
    data: {
      serial: `AN${w.tag}-${++serial}`,
      programId: w.programId,
      ruleVersionId: w.ruleVersionId,
      enterpriseId: w.enterpriseId,
      parkId: w.parkId,
      type: RequestType.CONSULTATION,
      status: answeredOn ? RequestStatus.ANSWERED : RequestStatus.SIGNED,
      title: "年度考核测试事项",
      description: "年度考核测试事项",
      assignedBankId: bankOrgId,
      submittedAt: at(`${forwarded}T08:00:00`),
      forwardedAt: at(`${forwarded}T10:00:00`),
      dueAt: at(`${due}T23:59:59.999`),
    },
    select: { id: true },
  });
  await appendLedgerEntry(prisma, {
    requestId: r.id,
    action: LedgerAction.FORWARD,
    content: { primaryBankOrgId: bankOrgId },
    occurredAt: at(`${forwarded}T10:00:00`),
  });
  if (answeredOn)
    await appendLedgerEntry(prisma, {
      requestId: r.id,
      action: LedgerAction.ANSWER,
      content: { answerKind: "CAN_DO", onTime: true },
      occurredAt: at(`${answeredOn}T10:00:00`),
    });
}

const ANNUAL_NOW = at("2027-01-20T10:00:00");

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  bank.A = w.mainBankOrgId;
  bank.B = w.participatingBankOrgId;
  bank.C = (
    await prisma.organization.create({
      data: { kind: OrgKind.BANK, name: `C银行分行 ${w.tag}`, bankLevel: BankLevel.BRANCH },
      select: { id: true },
    })
  ).id;
  await prisma.parkBankPairing.create({
    data: { programId: w.programId, year: 2026, parkId: w.parkId, bankOrgId: bank.C, role: PairingRole.PARTICIPATING },
  });
  await prisma.programRuleVersion.update({ where: { id: w.ruleVersionId }, data: { bottomListSize: 1 } });

  for (const k of ["A", "B", "C"] as const) {
    await file(bank[k], 2025, 4, 10_000, 400, 100);
    let balance = 10_000;
    for (const q of [1, 2, 3, 4]) {
      const increment = INCREMENTS[k][q - 1]!;
      balance += increment;
      await file(bank[k], 2026, q, balance, increment, q === 4 ? YEAR_END_BORROWERS[k] : 100, k === "B" && q === 3);
    }
  }
  await prisma.bankCreditTarget.createMany({
    data: [
      {
        programId: w.programId,
        year: 2026,
        bankOrgId: bank.A,
        version: 1,
        amountFen: wan(1200),
        borrowers: 20,
        firstLoans: 5,
        creditLoans: 5,
        createdAt: at("2026-01-10T10:00:00"),
      },
      {
        programId: w.programId,
        year: 2026,
        bankOrgId: bank.B,
        version: 1,
        amountFen: wan(1500),
        borrowers: 20,
        firstLoans: 5,
        creditLoans: 5,
        createdAt: at("2026-01-10T10:00:00"),
      },
    ],
  });
  // Items: A's go to its servicing sub-branch.
  await item(w.servicingBankOrgId, "2026-05-11", "2026-05-18", "2026-05-12");
  await item(w.servicingBankOrgId, "2026-11-02", "2026-11-09", "2026-11-03");
  await item(bank.B, "2026-02-02", "2026-02-09", "2026-02-03");
  await item(bank.B, "2026-08-03", "2026-08-10", "2026-08-04");
  await item(bank.C, "2026-03-02", "2026-03-09", "2026-03-03");
  await item(bank.C, "2026-09-07", "2026-09-14", null); // owed, never answered
});

afterAll(async () => {
  await prisma.$disconnect();
});

const letter = (id: string) => (Object.entries(bank).find(([, v]) => v === id)?.[0] ?? "?") as "A" | "B" | "C";

async function publish(rankingId: string, now: Date) {
  await reviewRanking(prisma, w.actors.financeAdmin, rankingId, { now });
  await reviewRanking(prisma, w.actors.centralBankStaff, rankingId, { now });
  await publishRanking(prisma, w.actors.financeAdmin, rankingId, { now });
}

describe("annual assessment", () => {
  it("keeps a separate, versioned annual rule set and refuses quarter-only indicators in it", async () => {
    const fa = w.actors.financeAdmin;
    await saveRuleSet(prisma, fa, { programId: w.programId, name: "季度排名规则", rules: QUARTERLY_RULES });
    const wrong = await appErrorOf(
      saveRuleSet(prisma, fa, { programId: w.programId, name: "年度", period: "YEAR", rules: QUARTERLY_RULES }),
    );
    expect(wrong.code).toBe("invalidInput");
    expect(wrong.fieldErrors).toEqual({ "rules.0.indicator": "indicatorNotInPeriod" });
    const saved = await saveRuleSet(prisma, fa, { programId: w.programId, name: "年度考核规则", period: "YEAR", rules: ANNUAL_RULES });
    expect(saved.version).toBe(1); // its own sequence
    expect((await listRuleSets(prisma, w.programId, "YEAR")).map((r) => r.name)).toEqual(["年度考核规则"]);
    expect((await listRuleSets(prisma, w.programId)).map((r) => r.name)).toEqual(["季度排名规则"]);
  });

  it("each quarter's bottom list is A or B", async () => {
    const nowOf = ["2026-04-20", "2026-07-20", "2026-10-20", "2027-01-20"];
    const bottoms: string[] = [];
    for (const q of [1, 2, 3, 4] as const) {
      const now = at(`${nowOf[q - 1]}T10:00:00`);
      const { rankingId } = await computeDraftRanking(
        prisma,
        w.actors.financeAdmin,
        { programId: w.programId, year: 2026, quarter: q },
        { now },
      );
      const entries = await prisma.rankingEntry.findMany({ where: { rankingId }, orderBy: { rank: "asc" } });
      bottoms.push(
        entries
          .filter((e) => e.bottomList)
          .map((e) => letter(e.bankOrgId))
          .join(""),
      );
      await publish(rankingId, now);
    }
    expect(bottoms).toEqual(["A", "B", "A", "B"]);
  });

  it("is refused before the year has ended", async () => {
    const refused = await appErrorOf(
      computeDraftAnnualRanking(prisma, w.actors.financeAdmin, { programId: w.programId, year: 2026 }, { now: at("2026-12-31T10:00:00") }),
    );
    expect(refused.code).toBe("quarterNotEnded");
  });

  let annualId = "";
  it("computes the year from the year's figures and items: C is the annual bottom, A the top", async () => {
    const { rankingId, ruleSetVersion, banks } = await computeDraftAnnualRanking(
      prisma,
      w.actors.financeAdmin,
      { programId: w.programId, year: 2026 },
      { now: ANNUAL_NOW },
    );
    annualId = rankingId;
    expect({ ruleSetVersion, banks }).toEqual({ ruleSetVersion: 1, banks: 3 });
    const row = await prisma.ranking.findUniqueOrThrow({ where: { id: rankingId }, select: { period: true, quarter: true, status: true } });
    expect(row).toEqual({ period: RankingPeriod.YEAR, quarter: 0, status: "DRAFT" });

    const entries = await prisma.rankingEntry.findMany({ where: { rankingId }, orderBy: { rank: "asc" } });
    expect(entries.map((e) => [letter(e.bankOrgId), Number(e.totalScore), e.rank, e.bottomList])).toEqual([
      ["A", 85, 1, false],
      ["B", 76.5, 2, false],
      ["C", 45, 3, true],
    ]);
    const values = Object.fromEntries(
      entries.map((e) => [
        letter(e.bankOrgId),
        Object.fromEntries(
          (e.breakdown as Array<{ indicator: string; value: number | null; points: number }>).map((b) => [
            b.indicator,
            [b.value, b.points],
          ]),
        ),
      ]),
    );
    expect(values.A).toEqual({
      annualLoanGrowth: [12, 15],
      replyRate: [100, 30],
      borrowersChange: [20, 20],
      onTimeSubmission: [100, 10],
      loanTargetAttainment: [100, 10],
    });
    expect(values.B).toEqual({
      annualLoanGrowth: [12, 15],
      replyRate: [100, 30],
      borrowersChange: [18, 18],
      onTimeSubmission: [75, 7.5],
      loanTargetAttainment: [80, 6],
    });
    expect(values.C).toEqual({
      annualLoanGrowth: [12, 15],
      replyRate: [50, 15],
      borrowersChange: [5, 5],
      onTimeSubmission: [100, 10],
      loanTargetAttainment: [null, 0],
    });
  });

  it("goes through the quarterly workflow (both reviews, publication) and its bulletin carries the bottom and top lists", async () => {
    await expect(publishRanking(prisma, w.actors.financeAdmin, annualId, { now: ANNUAL_NOW })).rejects.toMatchObject({
      code: "notReviewed",
    });
    await publish(annualId, ANNUAL_NOW);
    const again = await appErrorOf(
      computeDraftAnnualRanking(prisma, w.actors.financeAdmin, { programId: w.programId, year: 2026 }, { now: ANNUAL_NOW }),
    );
    expect(again.code).toBe("alreadyPublished");

    const detail = await getRanking(prisma, w.actors.financeAdmin, annualId);
    expect(detail?.period).toBe(RankingPeriod.YEAR);
    const bulletin = bulletinFromRanking(detail!)!;
    expect(bulletin.period).toBe("YEAR");
    expect(bulletin.bottomList).toEqual([`C银行分行 ${w.tag}`]);
    expect(bulletin.topList.length).toBe(1);

    // The quarterly lists and history do not mix the annual result in, and the annual list has it.
    const quarterly = await listRankings(prisma, w.actors.financeAdmin, w.programId);
    expect(quarterly.map((r) => r.quarter).sort()).toEqual([1, 2, 3, 4]);
    expect((await listRankings(prisma, w.actors.financeAdmin, w.programId, "YEAR")).map((r) => r.id)).toEqual([annualId]);
    const history = await rankingHistory(prisma, w.actors.financeAdmin, w.programId);
    expect(history.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
  });

  it("a ranking's period and quarter agree (trigger): a year is quarter 0, a quarter 1–4", async () => {
    await expect(prisma.ranking.update({ where: { id: annualId }, data: { quarter: 4 } })).rejects.toThrow();
    const ruleSetId = (await prisma.ranking.findUniqueOrThrow({ where: { id: annualId }, select: { ruleSetId: true } })).ruleSetId;
    await expect(
      prisma.ranking.create({ data: { programId: w.programId, year: 2030, quarter: 0, period: RankingPeriod.QUARTER, ruleSetId } }),
    ).rejects.toThrow(/period QUARTER with quarter 0/);
  });

  it("a bank sees the published annual result", async () => {
    const seen = await getRanking(prisma, w.actors.participatingBankLiaison, annualId);
    expect(seen?.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
  });

  it("the dashboards' summary: every bank's rank, total and lists for the office, its own line for a bank", async () => {
    const all = await readAnnualResult(prisma, w.actors.financeAdmin, { programId: w.programId });
    expect(all?.rankingId).toBe(annualId);
    expect(all?.rows.map((r) => [letter(r.bankOrgId), r.rank, r.totalScore, r.top, r.bottom])).toEqual([
      ["A", 1, "85.00", true, false],
      ["B", 2, "76.50", false, false],
      ["C", 3, "45.00", false, true],
    ]);
    const own = await readAnnualResult(prisma, w.actors.participatingBankLiaison, { programId: w.programId });
    expect(own!.rows.length).toBeGreaterThan(0);
    expect(own!.rows.length).toBeLessThan(3);
  });
});
