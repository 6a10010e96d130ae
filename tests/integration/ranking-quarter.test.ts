/**
 * The ranking of a quarter on the real database: Q3 2026 with known
 * items, ledgers and quarterly figures for five ranked banks, checked against values
 * worked out by hand below — every indicator, every score, the ranks, a tie broken by the
 * on-time reply rate, a tie broken by the submission time, and the bottom list.
 *
 * Calendar (official, Q3 2026 + National Day): July has no holidays; 20 Sep (Sun) is a
 * working day (调休); 25–27 Sep (中秋) and 1–7 Oct (国庆) are off; 10 Oct (Sat) is a
 * working day. Reply deadline 5 working days; cut-off 20 Oct 2026 12:00.
 *
 * Banks (all paired in the program): A = the world's main bank (its items go to its
 * sub-branch: they count for A), B = the participating bank, C/D/E = three more.
 * The world's "other bank" is not paired: its item counts for nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, LedgerAction, OrgKind, PairingRole, RequestStatus, RequestType, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { computeRanking } from "@/lib/ranking/compute-ranking";
import { computeQuarterInputs, type TQuarterInputs } from "@/lib/ranking/queries/compute-quarter-inputs";
import type { TRuleSetItem } from "@/lib/ranking/rules";
import { ZRuleSet } from "@/lib/ranking/schemas";
import { at, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
const bank = {} as Record<"A" | "B" | "C" | "D" | "E", string>;
const item = {} as Record<string, { id: string; serial: string }>;
let inputs: TQuarterInputs;

const CUTOFF = at("2026-10-20T12:00:00");
const DUE_SUBMISSION = at("2026-10-15T23:59:59.999"); // 7 working days after 30 Sep: 8, 9, 10 (Sat), 12–15 Oct

/** A request forwarded at `forwardedAt` with deadline `due`, assigned to `bankOrgId`. */
async function request(key: string, bankOrgId: string, type: RequestType, forwardedAt: string, due: string, status: RequestStatus) {
  const serial = `RK${w.tag}-${key}`;
  const r = await prisma.request.create({
    data: {
      serial,
      programId: w.programId,
      ruleVersionId: w.ruleVersionId,
      enterpriseId: w.enterpriseId,
      parkId: w.parkId,
      type,
      status,
      title: `事项${key}`,
      description: "排名测试事项",
      assignedBankId: bankOrgId,
      submittedAt: at(`${forwardedAt.slice(0, 10)}T08:00:00`),
      forwardedAt: at(forwardedAt),
      dueAt: at(due),
    },
    select: { id: true },
  });
  item[key] = { id: r.id, serial };
  await ledger(key, LedgerAction.FORWARD, forwardedAt, { primaryBankOrgId: bankOrgId });
}

function ledger(key: string, action: LedgerAction, when: string, content: Record<string, unknown> = {}) {
  return appendLedgerEntry(prisma, { requestId: item[key]!.id, action, content, occurredAt: at(when) });
}

const answer = (key: string, when: string, answerKind: string, onTime: boolean) =>
  ledger(key, LedgerAction.ANSWER, when, { answerKind, onTime });
const rate = (key: string, when: string, rating: string) => ledger(key, LedgerAction.RATE, when, { rating });

async function submission(
  bankOrgId: string,
  status: SubmissionStatus,
  submittedAt: string | null,
  dueAt: Date | null,
  figures: Array<[string, bigint, bigint, number, number, number]>,
) {
  await prisma.quarterlySubmission.create({
    data: {
      programId: w.programId,
      bankOrgId,
      year: 2026,
      quarter: 3,
      status,
      dueAt,
      submittedAt: submittedAt ? at(submittedAt) : null,
      figures: {
        create: figures.map(([parkId, loanBalanceFen, loanIncrementFen, borrowers, firstLoans, creditLoans]) => ({
          parkId,
          loanBalanceFen,
          loanIncrementFen,
          borrowers,
          firstLoans,
          creditLoans,
        })),
      },
    },
  });
}

// The test's rule set (100 points), chosen so that ties appear (see the totals below).
const RULES: TRuleSetItem[] = [
  {
    indicator: "replyRate",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 95, points: 20 },
        { min: 70, points: 12 },
      ],
    },
  },
  { indicator: "onTimeReplyRate", rule: { kind: "threshold", points: 10, target: 90, step: 5, deduction: 2, direction: "higher" } },
  {
    indicator: "enterpriseSatisfactionRate",
    rule: { kind: "threshold", points: 10, target: 80, step: 1, deduction: 0.1, direction: "higher" },
  },
  {
    indicator: "financingSatisfactionRate",
    rule: { kind: "threshold", points: 10, target: 80, step: 1, deduction: 0.5, direction: "higher" },
  },
  { indicator: "escalatedItems", rule: { kind: "perCount", points: 10, deduction: 4 } },
  { indicator: "loanIncrement", rule: { kind: "proportional", points: 20, best: 10000 } },
  {
    indicator: "loanGrowth",
    rule: {
      kind: "tiers",
      tiers: [
        { min: 8, points: 10 },
        { min: 4, points: 6 },
      ],
    },
  },
  { indicator: "avgDaysToFirstAnswer", rule: { kind: "threshold", points: 5, target: 2, step: 1, deduction: 1, direction: "lower" } },
  { indicator: "onTimeSubmission", rule: { kind: "tiers", tiers: [{ min: 100, points: 5 }] } },
];

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  bank.A = w.mainBankOrgId;
  bank.B = w.participatingBankOrgId;
  for (const k of ["C", "D", "E"] as const) {
    bank[k] = (
      await prisma.organization.create({
        data: { kind: OrgKind.BANK, name: `${k}银行分行 ${w.tag}`, bankLevel: BankLevel.BRANCH },
        select: { id: true },
      })
    ).id;
  }
  await prisma.parkBankPairing.createMany({
    data: [
      { programId: w.programId, year: 2026, parkId: w.otherParkId, bankOrgId: bank.C, role: PairingRole.MAIN },
      { programId: w.programId, year: 2026, parkId: w.parkId, bankOrgId: bank.C, role: PairingRole.PARTICIPATING },
      { programId: w.programId, year: 2026, parkId: w.otherParkId, bankOrgId: bank.D, role: PairingRole.PARTICIPATING },
      { programId: w.programId, year: 2026, parkId: w.otherParkId, bankOrgId: bank.E, role: PairingRole.PARTICIPATING },
    ],
  });
  const { FINANCING: F, CONSULTATION: Q, DIFFICULTY: X } = RequestType;
  const sub = w.servicingBankOrgId; // A's sub-branch

  // Bank A (through its sub-branch). Forwarded Mon 6 Jul → due end of Mon 13 Jul.
  await request("A1", sub, F, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.CLOSED);
  await answer("A1", "2026-07-08T10:00:00", "GRANTED", true); // 2 working days, on time
  await rate("A1", "2026-07-09T10:00:00", "SATISFIED");
  await request("A2", sub, F, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.CLOSED);
  await answer("A2", "2026-07-10T10:00:00", "CAN_DO", true); // first answer: 4 working days, on time
  await rate("A2", "2026-07-13T10:00:00", "DISSATISFIED");
  await ledger("A2", LedgerAction.REOPEN, "2026-07-13T10:00:00");
  await answer("A2", "2026-07-20T10:00:00", "GRANTED", true); // latest answer: granted
  await rate("A2", "2026-07-21T10:00:00", "BASICALLY_SATISFIED"); // latest rating counts
  await request("A3", sub, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("A3", LedgerAction.ESCALATE, "2026-07-14T09:00:00", { reason: "OVERDUE" });
  await answer("A3", "2026-07-15T10:00:00", "CAN_DO", false); // 7 working days, late
  // Mon 28 Sep → 29, 30 Sep, (1–7 Oct off), 8, 9, 10 Oct (Sat, working): due end of 10 Oct. Never answered.
  await request("A4", sub, Q, "2026-09-28T10:00:00", "2026-10-10T23:59:59.999", RequestStatus.SIGNED);
  await request("A5", sub, Q, "2026-06-29T10:00:00", "2026-07-06T23:59:59.999", RequestStatus.ANSWERED); // Q2: not counted
  await answer("A5", "2026-07-08T10:00:00", "CAN_DO", false);
  await request("A6", sub, X, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.WITHDRAWN);
  await ledger("A6", LedgerAction.WITHDRAW, "2026-07-08T10:00:00", { reason: "已自行解决", afterAnswer: false }); // before its deadline: owed nothing
  await request("O1", w.otherBankOrgId, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.SIGNED); // unpaired bank

  // Bank B.
  await request("B1", bank.B, F, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.SIGNED);
  await answer("B1", "2026-07-13T16:00:00", "CANNOT_DO", true); // 5 working days: on the last day, on time
  await rate("B1", "2026-07-14T10:00:00", "DISSATISFIED");
  await ledger("B1", LedgerAction.REOPEN, "2026-07-14T10:00:00");
  await request("B2", bank.B, F, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.CLOSED);
  await answer("B2", "2026-07-07T10:00:00", "GRANTED", true); // 1
  await rate("B2", "2026-07-08T10:00:00", "SATISFIED");
  await request("B3", bank.B, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await answer("B3", "2026-07-07T11:00:00", "CAN_DO", true); // 1
  // Fri 18 Sep → 20 (Sun, working), 21, 22, 23, 24 Sep: due end of 24 Sep. Answered Mon 28 Sep
  // (25 and 27 off, 26 Sat): 6 working days, late.
  await request("B4", bank.B, Q, "2026-09-18T10:00:00", "2026-09-24T23:59:59.999", RequestStatus.ANSWERED);
  await ledger("B4", LedgerAction.ESCALATE, "2026-09-25T09:00:00", { reason: "OVERDUE" });
  await answer("B4", "2026-09-28T09:00:00", "CAN_DO", false);
  await request("B5", bank.B, Q, "2026-07-20T10:00:00", "2026-07-27T23:59:59.999", RequestStatus.ESCALATED);
  await ledger("B5", LedgerAction.ESCALATE, "2026-07-22T10:00:00", { reason: "UNSOLVABLE" }); // not counted as escalated…
  await answer("B5", "2026-11-02T10:00:00", "CAN_DO", false); // …and answered only after the cut-off: not answered

  // Bank C and E: 1 and 1–2 working days, on time.
  await request("C1", bank.C, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.CLOSED);
  await answer("C1", "2026-07-07T10:00:00", "CAN_DO", true);
  await rate("C1", "2026-07-08T10:00:00", "SATISFIED");
  await request("C2", bank.C, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.ANSWERED);
  await answer("C2", "2026-07-08T10:00:00", "CAN_DO", true);
  await request("E1", bank.E, Q, "2026-07-06T10:00:00", "2026-07-13T23:59:59.999", RequestStatus.CLOSED);
  await answer("E1", "2026-07-07T10:00:00", "CAN_DO", true);
  await rate("E1", "2026-07-08T10:00:00", "SATISFIED");

  // Quarterly figures (fen; 1 万元 = 1,000,000 fen): [park, balance, increment, borrowers, first loans, credit loans].
  await submission(bank.A, SubmissionStatus.ACCEPTED, "2026-10-12T10:00:00", DUE_SUBMISSION, [
    [w.parkId, 110_000_000_000n, 5_000_000_000n, 200, 20, 50],
  ]);
  await submission(bank.B, SubmissionStatus.SUBMITTED, "2026-10-16T09:00:00", DUE_SUBMISSION, [
    [w.parkId, 157_500_000_000n, 7_500_000_000n, 100, 5, 30],
  ]);
  await submission(bank.C, SubmissionStatus.ACCEPTED, "2026-10-09T15:00:00", DUE_SUBMISSION, [
    [w.otherParkId, 30_000_000_000n, 1_000_000_000n, 60, 6, 12],
    [w.parkId, 12_345_678_900n, 234_567_800n, 40, 4, 8],
  ]);
  await submission(bank.D, SubmissionStatus.RETURNED, "2026-10-10T10:00:00", DUE_SUBMISSION, [
    [w.otherParkId, 90_000_000_000n, 9_000_000_000n, 300, 30, 90],
  ]);
  // E's row has no dueAt: the program's window (7 working days) gives end of 15 Oct, so 20:00 that day is on time.
  await submission(bank.E, SubmissionStatus.ACCEPTED, "2026-10-15T20:00:00", null, [
    [w.otherParkId, 50_000_000_000n, 1_234_567_800n, 50, 5, 10],
  ]);

  inputs = await computeQuarterInputs(prisma, { programId: w.programId, year: 2026, quarter: 3, now: CUTOFF });
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
});

const byBank = (k: keyof typeof bank) => inputs.banks.find((b) => b.bankOrgId === bank[k])!;

// No bank of this fixture has a credit target: the target indicators have no data. The
// annual assessment's own figures are never a quarter's.
const NO_TARGET = {
  loanTargetAttainment: null,
  borrowersTargetAttainment: null,
  firstLoansTargetAttainment: null,
  creditLoansTargetAttainment: null,
  annualLoanIncrement: null,
  annualLoanGrowth: null,
  borrowersChange: null,
  eventIntentionsSigned: null, // no matching event in this world
};

describe("computeQuarterInputs", () => {
  it("ranks exactly the paired banks", () => {
    expect(new Set(inputs.banks.map((b) => b.bankOrgId))).toEqual(new Set(Object.values(bank)));
    expect(inputs).toMatchObject({ programId: w.programId, year: 2026, quarter: 3, computedAt: CUTOFF });
  });

  it("bank A: items of its sub-branch, first answers, latest answers and ratings", () => {
    // Received A1, A2, A3, A4, A6 (A5 is Q2's). Owed A1–A4 (A6 withdrawn before its deadline).
    // Answered A1, A2, A3 → 3/4 = 75%; on time A1, A2 → 2/4 = 50%; overdue A3 (late), A4 (unanswered).
    // Working days to the first answer 2, 4, 7 → 13/3 = 4.33. Financing A1, A2 latest GRANTED → 100%.
    // Ratings A1 satisfied, A2 basically satisfied (its last) → 100%. Escalated A3.
    // Loans: 5,000 万元; 5,000 / (110,000 − 5,000) = 4.76%; 200 borrowers; 20/200 = 10%; 50/200 = 25%.
    expect(byBank("A").values).toEqual({
      ...NO_TARGET,
      parkVisitsDone: 0, // main bank of its park, no visit recorded in the half-year
      questionnaireSatisfaction: null, // no questionnaire answered
      itemsReceived: 5,
      replyRate: 75,
      onTimeReplyRate: 50,
      avgDaysToFirstAnswer: 4.33,
      financingSatisfactionRate: 100,
      enterpriseSatisfactionRate: 100,
      escalatedItems: 1,
      overdueItems: 2,
      loanIncrement: 5000,
      loanGrowth: 4.76,
      borrowers: 200,
      firstLoanShare: 10,
      creditLoanShare: 25,
      onTimeSubmission: 100,
    });
    expect(byBank("A").submittedAt).toEqual(at("2026-10-12T10:00:00"));
  });

  it("bank B: the calendar's 调休 and holidays, answers after the cut-off, UNSOLVABLE not counted", () => {
    // Received B1–B5; owed all 5 (B5's deadline passed). Answered by the cut-off B1–B4 → 80%.
    // On time B1, B2, B3 → 60%; overdue B4 (late), B5 (unanswered by the cut-off).
    // Days 5, 1, 1, 6 → 13/4 = 3.25. Financing B1 CANNOT_DO, B2 GRANTED → 50%.
    // Ratings B1 dissatisfied, B2 satisfied → 50%. Escalated OVERDUE: B4 only.
    // Loans (submitted late, still counted): 7,500 万元; 7,500 / 150,000 = 5%; 100; 5%; 30%. Late → 0.
    expect(byBank("B").values).toEqual({
      ...NO_TARGET,
      parkVisitsDone: null, // main bank of no park
      questionnaireSatisfaction: null, // no questionnaire answered
      itemsReceived: 5,
      replyRate: 80,
      onTimeReplyRate: 60,
      avgDaysToFirstAnswer: 3.25,
      financingSatisfactionRate: 50,
      enterpriseSatisfactionRate: 50,
      escalatedItems: 1,
      overdueItems: 2,
      loanIncrement: 7500,
      loanGrowth: 5,
      borrowers: 100,
      firstLoanShare: 5,
      creditLoanShare: 30,
      onTimeSubmission: 0,
    });
  });

  it("banks C, D, E: sums over parks, fen rounding, a returned submission, a missing dueAt", () => {
    // C: increment 1,000,000,000 + 234,567,800 fen = 1,234.5678 万元 → 1,234.57;
    // growth 1,234,567,800 / (42,345,678,900 − 1,234,567,800) = 3.0030% → 3; 10/100; 20/100. No financing items.
    expect(byBank("C").values).toEqual({
      ...NO_TARGET,
      parkVisitsDone: 0, // main bank of the other park, not visited
      questionnaireSatisfaction: null, // no questionnaire answered
      itemsReceived: 2,
      replyRate: 100,
      onTimeReplyRate: 100,
      avgDaysToFirstAnswer: 1.5,
      financingSatisfactionRate: null,
      enterpriseSatisfactionRate: 100,
      escalatedItems: 0,
      overdueItems: 0,
      loanIncrement: 1234.57,
      loanGrowth: 3,
      borrowers: 100,
      firstLoanShare: 10,
      creditLoanShare: 20,
      onTimeSubmission: 100,
    });
    // D: no items; its submission was returned → no loan figures, not on time, no submission time.
    expect(byBank("D").values).toEqual({
      ...NO_TARGET,
      parkVisitsDone: null, // main bank of no park
      questionnaireSatisfaction: null, // no questionnaire answered
      itemsReceived: 0,
      replyRate: null,
      onTimeReplyRate: null,
      avgDaysToFirstAnswer: null,
      financingSatisfactionRate: null,
      enterpriseSatisfactionRate: null,
      escalatedItems: 0,
      overdueItems: 0,
      loanIncrement: null,
      loanGrowth: null,
      borrowers: null,
      firstLoanShare: null,
      creditLoanShare: null,
      onTimeSubmission: 0,
    });
    expect(byBank("D").submittedAt).toBeNull();
    // E: 1,234,567,800 / (50,000,000,000 − 1,234,567,800) = 2.5316% → 2.53; 5/50; 10/50.
    expect(byBank("E").values).toEqual({
      ...NO_TARGET,
      parkVisitsDone: null, // main bank of no park
      questionnaireSatisfaction: null, // no questionnaire answered
      itemsReceived: 1,
      replyRate: 100,
      onTimeReplyRate: 100,
      avgDaysToFirstAnswer: 1,
      financingSatisfactionRate: null,
      enterpriseSatisfactionRate: 100,
      escalatedItems: 0,
      overdueItems: 0,
      loanIncrement: 1234.57,
      loanGrowth: 2.53,
      borrowers: 50,
      firstLoanShare: 10,
      creditLoanShare: 20,
      onTimeSubmission: 100,
    });
  });

  it("gives the same inside the caller's transaction", async () => {
    const inside = await prisma.$transaction((tx) =>
      computeQuarterInputs(tx, { programId: w.programId, year: 2026, quarter: 3, now: CUTOFF }),
    );
    expect(inside).toEqual(inputs);
  });

  it("lists the items behind each indicator, by serial, with the reason", () => {
    const s = (k: string) => item[k]!;
    const cost = (k: string, reason: string) => ({ requestId: s(k).id, serial: s(k).serial, reason });
    expect(byBank("A").costItems).toEqual({
      replyRate: [cost("A4", "notAnswered")],
      onTimeReplyRate: [cost("A3", "answeredLate"), cost("A4", "notAnswered")],
      overdueItems: [cost("A3", "answeredLate"), cost("A4", "notAnswered")],
      avgDaysToFirstAnswer: [cost("A3", "answeredLate")],
      escalatedItems: [cost("A3", "escalatedOverdue")],
    });
    expect(byBank("B").costItems).toEqual({
      replyRate: [cost("B5", "notAnswered")],
      onTimeReplyRate: [cost("B4", "answeredLate"), cost("B5", "notAnswered")],
      overdueItems: [cost("B4", "answeredLate"), cost("B5", "notAnswered")],
      avgDaysToFirstAnswer: [cost("B4", "answeredLate")],
      financingSatisfactionRate: [cost("B1", "notGranted")],
      enterpriseSatisfactionRate: [cost("B1", "dissatisfied")],
      escalatedItems: [cost("B4", "escalatedOverdue")],
    });
    expect(byBank("B").costItemTotals).toMatchObject({ onTimeReplyRate: 2, escalatedItems: 1 });
    expect(byBank("C").costItems).toEqual({});
  });
});

describe("computeRanking on the quarter", () => {
  it("scores every indicator, ranks with both tie-breaks and marks the bottom two", () => {
    expect(ZRuleSet.safeParse(RULES).success).toBe(true);
    const { entries } = computeRanking(inputs, RULES, { bottomListSize: 2 });
    const points = (k: keyof typeof bank) =>
      Object.fromEntries(entries.find((e) => e.bankOrgId === bank[k])!.breakdown.map((r) => [r.indicator, r.points]));
    // reply, on-time, satisfaction, financing, escalated, increment, growth, avg days, submission
    // A: 75 → 12 · 50: 8 steps of 5 short → 0 · 100 → 10 · 100 → 10 · 1 → 6 · 5,000/10,000 → 10 · 4.76 → 6 · 4.33: 3 steps → 2 · 5  = 61
    expect(points("A")).toEqual({
      replyRate: 12,
      onTimeReplyRate: 0,
      enterpriseSatisfactionRate: 10,
      financingSatisfactionRate: 10,
      escalatedItems: 6,
      loanIncrement: 10,
      loanGrowth: 6,
      avgDaysToFirstAnswer: 2,
      onTimeSubmission: 5,
    });
    // B: 80 → 12 · 60: 6 steps → 0 · 50: 30 steps × 0.1 → 7 · 50: 30 × 0.5 → 0 · 6 · 15 · 6 · 3.25: 2 steps → 3 · 0   = 49
    expect(points("B")).toEqual({
      replyRate: 12,
      onTimeReplyRate: 0,
      enterpriseSatisfactionRate: 7,
      financingSatisfactionRate: 0,
      escalatedItems: 6,
      loanIncrement: 15,
      loanGrowth: 6,
      avgDaysToFirstAnswer: 3,
      onTimeSubmission: 0,
    });
    // C: 20 · 10 · 10 · 0 (no data) · 10 · 1,234.57/10,000 × 20 = 2.47 · 3 → 0 · 5 · 5          = 62.47
    expect(points("C")).toEqual({
      replyRate: 20,
      onTimeReplyRate: 10,
      enterpriseSatisfactionRate: 10,
      financingSatisfactionRate: 0,
      escalatedItems: 10,
      loanIncrement: 2.47,
      loanGrowth: 0,
      avgDaysToFirstAnswer: 5,
      onTimeSubmission: 5,
    });
    // D: nothing but no escalations → 10. E: like C (2.53 → 0)                               = 62.47
    expect(points("D")).toEqual({
      replyRate: 0,
      onTimeReplyRate: 0,
      enterpriseSatisfactionRate: 0,
      financingSatisfactionRate: 0,
      escalatedItems: 10,
      loanIncrement: 0,
      loanGrowth: 0,
      avgDaysToFirstAnswer: 0,
      onTimeSubmission: 0,
    });
    expect(points("E")).toEqual(points("C"));

    const name = Object.fromEntries(Object.entries(bank).map(([k, id]) => [id, k]));
    // C and E tie at 62.47 with the same on-time rate (100): C submitted first (9 Oct vs 15 Oct).
    // A (61) is ahead of B (49); D last. Bottom two: B and D.
    expect(entries.map((e) => [name[e.bankOrgId], e.totalScore, e.rank, e.bottomList])).toEqual([
      ["C", 62.47, 1, false],
      ["E", 62.47, 2, false],
      ["A", 61, 3, false],
      ["B", 49, 4, true],
      ["D", 10, 5, true],
    ]);
  });

  it("breaks a tie by the on-time reply rate before the submission time", () => {
    // Two indicators on which A and B score alike, so their totals tie.
    const rules: TRuleSetItem[] = [
      { indicator: "escalatedItems", rule: { kind: "perCount", points: 50, deduction: 10 } }, // A 40, B 40
      { indicator: "loanGrowth", rule: { kind: "tiers", tiers: [{ min: 4, points: 50 }] } }, // A 50, B 50
    ];
    const { entries } = computeRanking(inputs, rules, { bottomListSize: 1 });
    const name = Object.fromEntries(Object.entries(bank).map(([k, id]) => [id, k]));
    // A and B tie at 90. A's on-time rate 50 < B's 60, so B ranks first although A submitted
    // earlier (12 Oct vs 16 Oct). C, D, E: 50 + 0 = 50; C and E (on time 100) before D (no
    // on-time rate), C before E by the earlier submission.
    expect(entries.map((e) => [name[e.bankOrgId], e.totalScore, e.rank, e.bottomList])).toEqual([
      ["B", 90, 1, false],
      ["A", 90, 2, false],
      ["C", 50, 3, false],
      ["E", 50, 4, false],
      ["D", 50, 5, true],
    ]);
  });
});
