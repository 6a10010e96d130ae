/**
 * Loans recorded outside a request count like a granted request's loan, on the real
 * database, with hand-worked numbers (quarter 3 of 2026, the world's park A):
 *
 *   1 granted request, enterprise A, sub-branch: 500 万 at 3.45 %, 5 Aug 2026 → 5 Aug 2027
 *   2 recorded, enterprise B, sub-branch: 200 万 at 4.35 %, credit, first loan, 1 Sep 2026,
 *     12 months → matures 1 Sep 2027 (the default)
 *   3 recorded, enterprise A, the main branch itself: 100 万 at 3 %, 20 Mar → 20 Sep 2026
 *   4 recorded, enterprise B, sub-branch: 50 万 at 5 %, 15 Jul → 15 Oct 2026, then cancelled
 *   5 recorded by another bank, enterprise A: 999 万 (not the main bank's)
 *
 * Renewal reminders on 16 Sep (30 days' lead): loan 3 (matures 20 Sep), not the cancelled 4.
 * The main branch's Q3 return pre-fills park A with: balance on 30 Sep 500 + 200 = 700 万;
 * on 30 Jun 100 万 (loan 3), so increment 600 万; borrowers A and B = 2; first loans 1 (B);
 * credit loans 1 (B); rate (500 × 3.45 + 200 × 4.35) / 700 = 3.70714… → 3.7071 %.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cancelLoan } from "@/lib/loans/mutations/cancel-loan";
import { recordLoan } from "@/lib/loans/mutations/record-loan";
import { listBankLoans } from "@/lib/loans/queries/list-bank-loans";
import { listEnterpriseLoans } from "@/lib/loans/queries/list-enterprise-loans";
import { readBankLoansExport } from "@/lib/loans/queries/read-bank-loans-export";
import { searchLoanEnterprises } from "@/lib/loans/queries/search-loan-enterprises";
import { ZRecordLoan, type TRecordLoanInput } from "@/lib/loans/schemas";
import { answerRequest } from "@/lib/requests/mutations/bank-steps";
import { remindRenewals } from "@/lib/requests/mutations/remind-renewals";
import { getOrCreateSubmission } from "@/lib/submissions/mutations/get-or-create-submission";
import { getSubmissionDetail } from "@/lib/submissions/queries/get-submission-detail";
import { at, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

const WAN = 1_000_000n;
let prisma: PrismaClient;
let w: TRequestWorld;
const loans = {} as Record<"granted" | "recordedB" | "recordedA" | "cancelled" | "otherBank", string>;

const input = (over: Partial<Record<string, string>>): TRecordLoanInput =>
  ZRecordLoan.parse({
    enterpriseId: w.otherEnterpriseId,
    amountFen: "200",
    termMonths: "12",
    annualRate: "4.35",
    product: "流动资金贷款",
    secured: "secured",
    guarantee: "",
    disbursedOn: "2026-09-01",
    maturesOn: "",
    ...over,
  });

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  const a = w.actors;
  const signed = await workflowKit(prisma, w).signed(at("2026-08-03T10:00:00"));
  await answerRequest(
    prisma,
    a.mainBankLiaison,
    {
      requestId: signed.id,
      version: signed.version,
      kind: "GRANTED",
      amountFen: String(500n * WAN),
      annualRate: "3.45",
      termMonths: 12,
      product: "流动资金贷款",
      guarantee: null,
      isFirstLoan: false,
      isCreditLoan: false,
      grantedOn: "2026-08-05",
      disbursedOn: "2026-08-05",
      maturesOn: "2027-08-05",
    },
    { now: at("2026-08-05T15:00:00") },
  );
  loans.granted = (await prisma.loanOutcome.findFirstOrThrow({ where: { requestId: signed.id } })).id;
  const now = { now: at("2026-09-10T10:00:00") };
  loans.recordedB = (
    await recordLoan(prisma, a.mainBankLiaison, input({ secured: "credit", isFirstLoan: "on", guarantee: "市融资担保公司" }), now)
  ).loanId;
  loans.recordedA = (
    await recordLoan(
      prisma,
      a.mainBankParentLiaison,
      input({ enterpriseId: w.enterpriseId, amountFen: "100", annualRate: "3", termMonths: "6", disbursedOn: "2026-03-20" }),
      now,
    )
  ).loanId;
  loans.cancelled = (
    await recordLoan(
      prisma,
      a.mainBankLiaison,
      input({ amountFen: "50", annualRate: "5", termMonths: "3", disbursedOn: "2026-07-15" }),
      now,
    )
  ).loanId;
  loans.otherBank = (
    await recordLoan(prisma, a.otherBankLiaison, input({ enterpriseId: w.enterpriseId, amountFen: "999", disbursedOn: "2026-07-01" }), now)
  ).loanId;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("recording a loan outside a request", () => {
  it("stores it in fen for the recording user's own bank, maturity defaulting to disbursed + term, audited", async () => {
    const row = await prisma.loanOutcome.findUniqueOrThrow({ where: { id: loans.recordedB } });
    expect(row).toMatchObject({
      requestId: null,
      bankOrgId: w.servicingBankOrgId,
      enterpriseId: w.otherEnterpriseId,
      amountFen: 200n * WAN,
      termMonths: 12,
      isCreditLoan: true,
      isFirstLoan: true,
      guarantee: "市融资担保公司",
      recordedById: w.actors.mainBankLiaison.userId,
    });
    expect(row.annualRate.toFixed(4)).toBe("4.3500");
    expect(row.maturesOn?.toISOString().slice(0, 10)).toBe("2027-09-01");
    expect((await prisma.loanOutcome.findUniqueOrThrow({ where: { id: loans.recordedA } })).bankOrgId).toBe(w.mainBankOrgId);
    expect(await prisma.auditLog.count({ where: { action: "loans.record", targetId: loans.recordedB } })).toBe(1);
  });

  it("refuses a disbursement in the future, an unapproved enterprise, and anyone but a bank", async () => {
    const now = { now: at("2026-09-10T10:00:00") };
    await expect(recordLoan(prisma, w.actors.mainBankLiaison, input({ disbursedOn: "2026-09-11" }), now)).rejects.toMatchObject({
      code: "invalidInput",
      fieldErrors: { disbursedOn: "future" },
    });
    const pending = await prisma.enterprise.findFirstOrThrow({
      where: { uscc: { startsWith: `92${w.tag}`.toUpperCase() }, registrationStatus: "PENDING" },
    });
    await expect(recordLoan(prisma, w.actors.mainBankLiaison, input({ enterpriseId: pending.id }), now)).rejects.toMatchObject({
      fieldErrors: { enterpriseId: "enterpriseNotFound" },
    });
    expect(await codeOf(recordLoan(prisma, w.actors.enterpriseOwner, input({}), now))).toBe("forbidden");
    expect(await codeOf(recordLoan(prisma, w.actors.parkStaff, input({}), now))).toBe("forbidden");
  });

  it("finds the enterprise by USCC or by part of its name, for a bank user only", async () => {
    const ent = await prisma.enterprise.findUniqueOrThrow({ where: { id: w.enterpriseId } });
    expect((await searchLoanEnterprises(prisma, w.actors.mainBankLiaison, ent.uscc.toLowerCase())).map((e) => e.id)).toEqual([ent.id]);
    expect((await searchLoanEnterprises(prisma, w.actors.mainBankLiaison, `企业A ${w.tag}`)).map((e) => e.id)).toEqual([ent.id]);
    expect(await searchLoanEnterprises(prisma, w.actors.enterpriseOwner, ent.uscc)).toEqual([]);
  });
});

describe("cancelling a wrong record", () => {
  it("is refused to another bank (not found) and for a granted request's loan, then appends one entry", async () => {
    const reason = { loanId: loans.cancelled, reason: "金额录入错误" };
    expect(await codeOf(cancelLoan(prisma, w.actors.otherBankLiaison, reason))).toBe("notFound");
    expect(await codeOf(cancelLoan(prisma, w.actors.participatingBankLiaison, reason))).toBe("notFound");
    expect(await codeOf(cancelLoan(prisma, w.actors.enterpriseOwner, reason))).toBe("forbidden");
    expect(await codeOf(cancelLoan(prisma, w.actors.mainBankLiaison, { loanId: loans.granted, reason: "x" }))).toBe("notFound");
    await cancelLoan(prisma, w.actors.mainBankLiaison, reason, { now: at("2026-09-12T10:00:00") });
    expect(await codeOf(cancelLoan(prisma, w.actors.mainBankLiaison, reason))).toBe("invalidState");
    expect(await prisma.loanCancellation.count({ where: { loanId: loans.cancelled } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "loans.cancel", targetId: loans.cancelled } })).toBe(1);
  });
});

describe("counted like a granted loan", () => {
  it("renewal reminders: the recorded loan maturing in 30 days notifies the bank and the enterprise; the cancelled one does not", async () => {
    await prisma.$transaction((tx) => remindRenewals(tx, at("2026-09-16T08:00:00")));
    const keys = async (loanId: string) =>
      (await prisma.notification.findMany({ where: { kind: "loan.renewal", dedupeKey: { startsWith: `loan.renewal:${loanId}:` } } })).map(
        (n) => n.orgId,
      );
    expect(new Set(await keys(loans.recordedA))).toEqual(new Set([w.mainBankOrgId, w.enterpriseOrgId]));
    expect(await keys(loans.cancelled)).toEqual([]);
    expect(await keys(loans.granted)).toEqual([]); // matures in 2027
  });

  it("the quarterly return pre-fills park A with both kinds of loan, hand-worked", async () => {
    const { id } = await getOrCreateSubmission(
      prisma,
      w.actors.mainBankParentLiaison,
      { programId: w.programId, year: 2026, quarter: 3 },
      { now: at("2026-10-09T09:00:00") },
    );
    const detail = await getSubmissionDetail(prisma, w.actors.mainBankParentLiaison, id, { now: at("2026-10-09T09:00:00") });
    const park = detail!.parks.find((p) => p.parkId === w.parkId)!;
    expect(park.figure).toBeNull();
    expect(park.prefill).toEqual({
      parkId: w.parkId,
      loanBalanceFen: 700n * WAN,
      loanIncrementFen: 600n * WAN,
      borrowers: 2,
      firstLoans: 1,
      creditLoans: 1,
      averageRate: "3.7071",
    });
  });

  it("the enterprise sees its loans from every bank, not the cancelled one", async () => {
    const ofA = await listEnterpriseLoans(prisma, w.actors.enterpriseOwner);
    expect(ofA.map((l) => l.id).sort()).toEqual([loans.granted, loans.recordedA, loans.otherBank].sort());
    const ofB = await listEnterpriseLoans(prisma, w.actors.otherEnterpriseOwner);
    expect(ofB.map((l) => l.id)).toEqual([loans.recordedB]);
  });
});

describe("the bank's list and export", () => {
  it("show the bank's and its branches' loans only, filtered by enterprise and maturity window", async () => {
    const all = await listBankLoans(prisma, w.actors.mainBankParentLiaison, {});
    expect(all.rows.map((r) => r.id).sort()).toEqual([loans.granted, loans.recordedB, loans.recordedA, loans.cancelled].sort());
    expect(all.rows.find((r) => r.id === loans.cancelled)?.cancelReason).toBe("金额录入错误");
    // The sub-branch sees its own, not its parent's.
    const sub = await listBankLoans(prisma, w.actors.mainBankLiaison, {});
    expect(sub.rows.map((r) => r.id).sort()).toEqual([loans.granted, loans.recordedB, loans.cancelled].sort());
    const ofA = await listBankLoans(prisma, w.actors.mainBankParentLiaison, { enterpriseId: w.enterpriseId });
    expect(ofA.rows.map((r) => r.id).sort()).toEqual([loans.granted, loans.recordedA].sort());
    const window = await listBankLoans(prisma, w.actors.mainBankParentLiaison, { maturesFrom: "2026-09-01", maturesTo: "2026-12-31" });
    expect(window.rows.map((r) => r.id).sort()).toEqual([loans.recordedA, loans.cancelled].sort());
    expect((await listBankLoans(prisma, w.actors.otherBankLiaison, {})).rows.map((r) => r.id)).toEqual([loans.otherBank]);
    expect((await listBankLoans(prisma, w.actors.enterpriseOwner, {})).rows).toEqual([]);
    const file = await readBankLoansExport(prisma, w.actors.mainBankLiaison, { enterpriseId: w.otherEnterpriseId });
    expect(file.rows.map((r) => r.id).sort()).toEqual([loans.recordedB, loans.cancelled].sort());
  });

  it("the cancellation is append-only in the database", async () => {
    await expect(prisma.loanCancellation.deleteMany({ where: { loanId: loans.cancelled } })).rejects.toThrow();
    await expect(prisma.loanCancellation.updateMany({ where: { loanId: loans.cancelled }, data: { reason: "改" } })).rejects.toThrow();
  });
});
