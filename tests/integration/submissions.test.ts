/**
 * Quarterly submissions on the real database: the prefill from the
 * ledger for a bank with known items, the figures, the window and the late flag with a
 * controlled clock, return with a reason and resubmission, acceptance freezing the
 * submission (the database trigger refuses later changes), and the scopes: another bank
 * finds nothing, a branch cannot see its parent's, the central bank reads but cannot act.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { answerRequest, signRequest } from "@/lib/requests/mutations/bank-steps";
import { getOrCreateSubmission } from "@/lib/submissions/mutations/get-or-create-submission";
import { acceptSubmission, returnSubmission } from "@/lib/submissions/mutations/review-submission";
import { saveSubmissionDraft } from "@/lib/submissions/mutations/save-submission-draft";
import { submitSubmission } from "@/lib/submissions/mutations/submit-submission";
import { getSubmissionDetail } from "@/lib/submissions/queries/get-submission-detail";
import { listSubmissionRows } from "@/lib/submissions/queries/list-submission-rows";
import { figureFieldName, type TRawFigureRow } from "@/lib/submissions/figures";
import { readItemsSnapshot } from "@/lib/submissions/items-summary";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { appErrorOf, at, canDoAnswer, codeOf, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";
import { createFreshDatabase } from "./harness";

let prisma: PrismaClient;
let w: TRequestWorld;
const serials = {} as Record<"answered" | "overdue" | "carried" | "nextQuarter", string>;
const ids = {} as Record<keyof typeof serials, string>;
let submissionId: string;
const Q3 = { year: 2026, quarter: 3 } as const;

const figures = (over: Partial<TRawFigureRow> = {}): TRawFigureRow[] => [
  {
    parkId: w.parkId,
    loanBalance: "12,345.67",
    loanIncrement: "-120.5",
    borrowers: "40",
    firstLoans: "5",
    creditLoans: "12",
    averageRate: "3.85",
    ...over,
  },
];
const version = async () => (await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } })).updatedAt.toISOString();

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  const kit = workflowKit(prisma, w);
  const a = w.actors;
  // Q3 2026, forwarded to the main bank's sub-branch: answered on time (5 August) …
  const answered = await kit.signed(at("2026-08-03T10:00:00"));
  const done = await answerRequest(prisma, a.mainBankLiaison, canDoAnswer(answered), { now: at("2026-08-05T15:00:00") });
  // … and one forwarded on 29 September, never answered (due 12 October after National Day).
  const overdue = await kit.forwarded(at("2026-09-29T10:00:00"));
  // Q2, still open when Q3 began: carried over. Q4: not this quarter's.
  const carried = await kit.forwarded(at("2026-06-29T10:00:00"));
  const next = await kit.forwarded(at("2026-10-09T10:00:00"));
  for (const [k, r] of Object.entries({ answered: done, overdue, carried, nextQuarter: next })) {
    serials[k as keyof typeof serials] = r.serial;
    ids[k as keyof typeof ids] = r.id;
  }
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("opening a quarter's submission", () => {
  it("is refused before the quarter ends, then creates one DRAFT with the due date from the calendar", async () => {
    const input = { programId: w.programId, ...Q3 };
    expect(await codeOf(getOrCreateSubmission(prisma, w.actors.mainBankParentLiaison, input, { now: at("2026-09-30T18:00:00") }))).toBe(
      "quarterNotEnded",
    );
    const opened = await getOrCreateSubmission(prisma, w.actors.mainBankParentLiaison, input, { now: at("2026-10-09T09:00:00") });
    expect(opened.created).toBe(true);
    submissionId = opened.id;
    const row = await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(row).toMatchObject({ status: "DRAFT", bankOrgId: w.mainBankOrgId, year: 2026, quarter: 3, submittedAt: null, late: false });
    // 7 working days after 30 September: 10-08, 10-09, Sat 10-10 (调休), 10-12 … 10-15.
    expect(row.dueAt?.toISOString()).toBe("2026-10-15T15:59:59.999Z");
    expect(await prisma.auditLog.count({ where: { action: "submissions.open", targetId: submissionId } })).toBe(1);
  });

  it("finds the same submission the second time", async () => {
    const again = await getOrCreateSubmission(
      prisma,
      w.actors.mainBankParentLiaison,
      { programId: w.programId, ...Q3 },
      { now: at("2026-10-10T09:00:00") },
    );
    expect(again).toEqual({ id: submissionId, created: false });
  });

  it("is refused to a bank without a park pairing and to anyone but a bank", async () => {
    expect(
      await codeOf(
        getOrCreateSubmission(prisma, w.actors.mainBankLiaison, { programId: w.programId, ...Q3 }, { now: at("2026-10-09T09:00:00") }),
      ),
    ).toBe("notPaired");
    expect(
      await codeOf(
        getOrCreateSubmission(prisma, w.actors.financeStaff, { programId: w.programId, ...Q3 }, { now: at("2026-10-09T09:00:00") }),
      ),
    ).toBe("forbidden");
  });
});

describe("the prefill", () => {
  it("lists the bank's (and its branches') items of the quarter with their ledger summary", async () => {
    const detail = await getSubmissionDetail(prisma, w.actors.mainBankParentLiaison, submissionId, { now: at("2026-11-27T09:00:00") });
    expect(detail).not.toBeNull();
    const bySerial = new Map(detail!.items!.map((i) => [i.serial, i]));
    expect([...bySerial.keys()].sort()).toEqual([serials.answered, serials.overdue, serials.carried].sort());
    expect(bySerial.get(serials.answered)).toMatchObject({
      carriedOver: false,
      answerKind: "CAN_DO",
      onTime: true,
      firstAnswerAt: at("2026-08-05T15:00:00").toISOString(),
    });
    expect(bySerial.get(serials.overdue)).toMatchObject({
      carriedOver: false,
      firstAnswerAt: null,
      onTime: false,
      dueAt: "2026-10-12T15:59:59.999Z",
    });
    expect(bySerial.get(serials.carried)).toMatchObject({ carriedOver: true, onTime: false });
    expect(detail!.itemTotals).toMatchObject({ items: 3, received: 2, carriedOver: 1, answered: 1, answeredOnTime: 1, late: 2 });
    expect(detail!.parks).toEqual([expect.objectContaining({ parkId: w.parkId, role: "MAIN", figure: null })]);
    expect(detail!.can).toEqual({ edit: true, review: false });
  });

  it("shows an item still within its deadline as pending (onTime null) at an earlier clock", async () => {
    const detail = await getSubmissionDetail(prisma, w.actors.financeStaff, submissionId, { now: at("2026-10-09T09:00:00") });
    expect(detail!.items!.find((i) => i.serial === serials.overdue)?.onTime).toBeNull();
  });
});

describe("figures, submission and review", () => {
  it("refuses figures that do not add up, per field", async () => {
    const error = await appErrorOf(
      saveSubmissionDraft(prisma, w.actors.mainBankParentLiaison, {
        submissionId,
        version: await version(),
        figures: figures({ firstLoans: "41", averageRate: "30" }),
      }),
    );
    expect(error.code).toBe("invalidFigures");
    expect(error.fieldErrors).toEqual({
      [figureFieldName(w.parkId, "firstLoans")]: "firstLoansOverBorrowers",
      [figureFieldName(w.parkId, "averageRate")]: "rateRange",
    });
    expect(await prisma.quarterlyParkFigure.count({ where: { submissionId } })).toBe(0);
  });

  it("refuses a submission with a park still blank", async () => {
    const error = await appErrorOf(
      submitSubmission(
        prisma,
        w.actors.mainBankParentLiaison,
        { submissionId, version: await version() },
        { now: at("2026-10-12T10:00:00") },
      ),
    );
    expect(error.code).toBe("incomplete");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([figureFieldName(w.parkId, "loanBalance")]);
  });

  it("saves fen and a Decimal rate, and refuses a stale version", async () => {
    const stale = await version();
    const saved = await saveSubmissionDraft(
      prisma,
      w.actors.mainBankParentLiaison,
      { submissionId, version: stale, figures: figures() },
      { now: at("2026-10-12T10:00:00") },
    );
    const f = await prisma.quarterlyParkFigure.findFirstOrThrow({ where: { submissionId } });
    expect(f.loanBalanceFen).toBe(12_345_670_000n);
    expect(f.loanIncrementFen).toBe(-120_500_000n);
    expect(f.averageRate?.toFixed(4)).toBe("3.8500");
    expect(saved.version).not.toBe(stale);
    expect(
      await codeOf(saveSubmissionDraft(prisma, w.actors.mainBankParentLiaison, { submissionId, version: stale, figures: figures() })),
    ).toBe("conflict");
  });

  it("submits on time within the window", async () => {
    const r = await submitSubmission(
      prisma,
      w.actors.mainBankParentLiaison,
      { submissionId, version: await version() },
      { now: at("2026-10-14T16:00:00") },
    );
    expect(r.status).toBe("SUBMITTED");
    const row = await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(row).toMatchObject({ submittedAt: at("2026-10-14T16:00:00"), late: false });
    expect(
      await codeOf(
        saveSubmissionDraft(prisma, w.actors.mainBankParentLiaison, { submissionId, version: await version(), figures: figures() }),
      ),
    ).toBe("invalidState");
  });

  it("lets the central bank read but not review, and the bank not review its own", async () => {
    const detail = await getSubmissionDetail(prisma, w.actors.centralBankStaff, submissionId);
    expect(detail?.can).toEqual({ edit: false, review: false });
    expect(await codeOf(acceptSubmission(prisma, w.actors.centralBankStaff, { submissionId, version: await version() }))).toBe("forbidden");
    expect(
      await codeOf(
        returnSubmission(prisma, w.actors.mainBankParentLiaison, { submissionId, version: await version(), reason: "自己退回" }),
      ),
    ).toBe("forbidden");
  });

  it("returns with a reason (required), notifies the bank, and takes a corrected resubmission — late after the due date", async () => {
    expect(await codeOf(returnSubmission(prisma, w.actors.financeStaff, { submissionId, version: await version(), reason: " " }))).toBe(
      "invalidInput",
    );
    const reason = "结对园区贷款户数与台账明细不一致，请核对。";
    const back = await returnSubmission(
      prisma,
      w.actors.financeStaff,
      { submissionId, version: await version(), reason },
      { now: at("2026-10-15T10:00:00") },
    );
    expect(back.status).toBe("RETURNED");
    expect(await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
      returnReason: reason,
      reviewedAt: at("2026-10-15T10:00:00"),
    });
    const notified = await prisma.notification.findMany({
      where: { kind: "submission.returned", link: `/submissions/${submissionId}` },
      select: { orgId: true, body: true },
    });
    expect(notified.length).toBeGreaterThan(0);
    expect(notified.every((n) => n.orgId === w.mainBankOrgId && (n.body ?? "").includes(reason))).toBe(true);

    await saveSubmissionDraft(prisma, w.actors.mainBankParentLiaison, {
      submissionId,
      version: await version(),
      figures: figures({ borrowers: "42" }),
    });
    await submitSubmission(
      prisma,
      w.actors.mainBankParentLiaison,
      { submissionId, version: await version() },
      { now: at("2026-10-16T09:30:00") },
    );
    expect(await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({
      status: "SUBMITTED",
      late: true,
      submittedAt: at("2026-10-16T09:30:00"),
    });
    expect(
      await prisma.auditLog.count({
        where: { targetId: submissionId, action: { in: ["submissions.save", "submissions.submit", "submissions.return"] } },
      }),
    ).toBe(5);
  });

  it("accepts: snapshot of the items, frozen — later item changes do not show, the database refuses changes", async () => {
    const accepted = await acceptSubmission(
      prisma,
      w.actors.financeStaff,
      { submissionId, version: await version() },
      { now: at("2026-10-19T10:00:00") },
    );
    expect(accepted.status).toBe("ACCEPTED");
    const row = await prisma.quarterlySubmission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(row.frozenAt?.toISOString()).toBe(at("2026-10-19T10:00:00").toISOString());
    expect(row.reviewedById).toBe(w.actors.financeStaff.userId);
    const snapshot = row.itemsSnapshot as { items: { serial: string }[] };
    expect(snapshot.items.map((i) => i.serial).sort()).toEqual([serials.answered, serials.overdue, serials.carried].sort());

    // The overdue item gets answered afterwards: the accepted submission still shows it unanswered.
    const overdue = await prisma.request.findUniqueOrThrow({ where: { id: ids.overdue } });
    const signed = await signRequest(
      prisma,
      w.actors.mainBankLiaison,
      { requestId: overdue.id, version: overdue.version },
      { now: at("2026-10-20T09:00:00") },
    );
    await answerRequest(prisma, w.actors.mainBankLiaison, canDoAnswer(signed), { now: at("2026-10-20T10:00:00") });
    const detail = await getSubmissionDetail(prisma, w.actors.financeAdmin, submissionId);
    expect(detail!.items!.find((i) => i.serial === serials.overdue)).toMatchObject({ firstAnswerAt: null, onTime: false });
    expect(detail!.can).toEqual({ edit: false, review: false });

    await expect(
      prisma.$executeRawUnsafe(`UPDATE "QuarterlySubmission" SET "returnReason" = 'x' WHERE id = $1::uuid`, submissionId),
    ).rejects.toThrow(/frozen/);
    await expect(
      prisma.$executeRawUnsafe(`UPDATE "QuarterlyParkFigure" SET borrowers = 1 WHERE "submissionId" = $1::uuid`, submissionId),
    ).rejects.toThrow(/frozen/);
    await expect(
      prisma.$executeRawUnsafe(`DELETE FROM "QuarterlyParkFigure" WHERE "submissionId" = $1::uuid`, submissionId),
    ).rejects.toThrow(/frozen/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "QuarterlySubmission" WHERE id = $1::uuid`, submissionId)).rejects.toThrow(/frozen/);
    expect(await codeOf(acceptSubmission(prisma, w.actors.financeStaff, { submissionId, version: await version() }))).toBe("invalidState");
  });
});

describe("scopes", () => {
  it("another bank, a branch of the bank, a park: not found, for reading and acting", async () => {
    for (const actor of [w.actors.otherBankLiaison, w.actors.participatingBankLiaison, w.actors.mainBankLiaison, w.actors.parkStaff]) {
      expect(await getSubmissionDetail(prisma, actor, submissionId)).toBeNull();
    }
    const v = await version();
    expect(await codeOf(saveSubmissionDraft(prisma, w.actors.otherBankLiaison, { submissionId, version: v, figures: figures() }))).toBe(
      "notFound",
    );
    expect(await codeOf(submitSubmission(prisma, w.actors.participatingBankLiaison, { submissionId, version: v }))).toBe("notFound");
    expect(await codeOf(returnSubmission(prisma, w.actors.parkStaff, { submissionId, version: v, reason: "不属于园区" }))).toBe("notFound");
  });

  it("lists every paired bank for the finance office, only its own for a bank", async () => {
    const now = at("2026-11-27T09:00:00");
    const all = await listSubmissionRows(prisma, w.actors.financeStaff, { programId: w.programId, quarters: [Q3], now });
    expect(all.map((r) => [r.bankOrgId, r.submission?.status ?? null, r.lateState]).sort()).toEqual(
      [
        [w.mainBankOrgId, "ACCEPTED", "late"],
        [w.participatingBankOrgId, null, "overdue"],
      ].sort(),
    );
    const notStarted = await listSubmissionRows(prisma, w.actors.centralBankStaff, {
      programId: w.programId,
      quarters: [Q3],
      filter: "notStarted",
      now,
    });
    expect(notStarted.map((r) => r.bankOrgId)).toEqual([w.participatingBankOrgId]);
    const own = await listSubmissionRows(prisma, w.actors.participatingBankLiaison, { programId: w.programId, quarters: [Q3], now });
    expect(own).toEqual([expect.objectContaining({ bankOrgId: w.participatingBankOrgId, submission: null, canOpen: true })]);
    expect(await listSubmissionRows(prisma, w.actors.otherBankLiaison, { programId: w.programId, quarters: [Q3], now })).toEqual([]);
  });
});

describe("the demo seed's accepted submissions", () => {
  it("are frozen (frozenAt = reviewedAt) with a summary snapshot, and the database keeps them so", async () => {
    const fresh = await createFreshDatabase("submissions_seed");
    const seeded = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
    try {
      await migrate(fresh.url, { onLog: () => {} });
      await seedDemoData(seeded, { enterprises: 30, referenceDate: "2026-11-27" });
      const rows = await seeded.quarterlySubmission.findMany({
        select: { id: true, status: true, frozenAt: true, reviewedAt: true, itemsSnapshot: true },
      });
      const accepted = rows.filter((r) => r.status === "ACCEPTED");
      expect(accepted.length).toBeGreaterThan(0);
      for (const r of accepted) {
        expect(r.frozenAt?.toISOString()).toBe(r.reviewedAt?.toISOString());
        expect(readItemsSnapshot(r.itemsSnapshot)).toMatchObject({ version: 1, items: null });
      }
      expect(rows.filter((r) => r.status !== "ACCEPTED").every((r) => r.frozenAt === null && r.itemsSnapshot === null)).toBe(true);
      await expect(
        seeded.$executeRawUnsafe(
          `UPDATE "QuarterlyParkFigure" SET borrowers = borrowers + 1 WHERE "submissionId" = $1::uuid`,
          accepted[0]!.id,
        ),
      ).rejects.toThrow(/frozen/);
    } finally {
      await seeded.$disconnect();
      await fresh.drop();
    }
  }, 120_000);
});
