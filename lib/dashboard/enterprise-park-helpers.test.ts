import { describe, expect, it } from "vitest";
import { AnswerKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { answerSummary, firstLine } from "./enterprise-answer";
import { enterpriseTodo, progressIndex, PROGRESS_STEPS } from "./enterprise-progress";
import { parkFigureTable } from "./park-figures";
import { halfYearOf } from "./park-visits";
import { requestListHref, statusCounts } from "./enterprise-park-counts";

const none = { submittedAt: null, forwardedAt: null, signedAt: null, answeredAt: null, rated: false };
const at = new Date("2026-11-01T02:00:00Z");

describe("progressIndex", () => {
  it("names the stage from the status when the status says it", () => {
    expect(progressIndex({ ...none, status: RequestStatus.DRAFT })).toBe(-1);
    expect(progressIndex({ ...none, status: RequestStatus.SUBMITTED, submittedAt: at })).toBe(0);
    expect(progressIndex({ ...none, status: RequestStatus.RETURNED, submittedAt: at })).toBe(0);
    expect(progressIndex({ ...none, status: RequestStatus.FORWARDED })).toBe(1);
    expect(progressIndex({ ...none, status: RequestStatus.SIGNED })).toBe(2);
    expect(progressIndex({ ...none, status: RequestStatus.ANSWERED })).toBe(3);
  });

  it("uses the stage timestamps for escalated, closed and withdrawn items", () => {
    expect(progressIndex({ ...none, status: RequestStatus.ESCALATED, submittedAt: at, forwardedAt: at, signedAt: at })).toBe(2);
    expect(progressIndex({ ...none, status: RequestStatus.ESCALATED, submittedAt: at, forwardedAt: at })).toBe(1);
    expect(
      progressIndex({ ...none, status: RequestStatus.CLOSED, submittedAt: at, forwardedAt: at, signedAt: at, answeredAt: at, rated: true }),
    ).toBe(4);
    expect(progressIndex({ ...none, status: RequestStatus.CLOSED, submittedAt: at, forwardedAt: at, signedAt: at, answeredAt: at })).toBe(
      3,
    );
    expect(progressIndex({ ...none, status: RequestStatus.WITHDRAWN, submittedAt: at })).toBe(0);
    expect(progressIndex({ ...none, status: RequestStatus.WITHDRAWN })).toBe(-1);
    expect(PROGRESS_STEPS[4]).toBe("rated");
  });
});

describe("enterpriseTodo", () => {
  it("asks for a rating, documents, a completed return or a submitted draft", () => {
    expect(enterpriseTodo(RequestStatus.ANSWERED, AnswerKind.CAN_DO)).toBe("rate");
    expect(enterpriseTodo(RequestStatus.ANSWERED, AnswerKind.NEEDS_DOCUMENTS)).toBe("provideDocuments");
    expect(enterpriseTodo(RequestStatus.RETURNED, null)).toBe("completeReturned");
    expect(enterpriseTodo(RequestStatus.DRAFT, null)).toBe("submitDraft");
    expect(enterpriseTodo(RequestStatus.SIGNED, null)).toBeNull();
    expect(enterpriseTodo(RequestStatus.CLOSED, AnswerKind.NEEDS_DOCUMENTS)).toBeNull();
  });
});

describe("answerSummary", () => {
  it("keeps the first non-empty line of the bank's text, shortened", () => {
    expect(answerSummary({ kind: "NEEDS_DOCUMENTS", documents: "\n  近两年财务报表\n纳税证明" }, null)).toEqual({
      kind: AnswerKind.NEEDS_DOCUMENTS,
      line: "近两年财务报表",
      amountFen: null,
    });
    expect(firstLine("甲".repeat(70))).toBe(`${"甲".repeat(60)}…`);
    expect(firstLine("  \n ")).toBeNull();
  });

  it("gives the amount of a granted loan, falls back to the column's kind, and null without an answer", () => {
    expect(answerSummary({ kind: "GRANTED", amountFen: "5000000000", product: "科技贷" }, null)).toEqual({
      kind: AnswerKind.GRANTED,
      line: "科技贷",
      amountFen: "5000000000",
    });
    expect(answerSummary(null, AnswerKind.CANNOT_DO)).toEqual({ kind: AnswerKind.CANNOT_DO, line: null, amountFen: null });
    expect(answerSummary(null, null)).toBeNull();
  });
});

describe("statusCounts", () => {
  it("lists every state in workflow order, zero included, and merges duplicates", () => {
    const counts = statusCounts([
      { status: RequestStatus.CLOSED, count: 2 },
      { status: RequestStatus.SUBMITTED, count: 1 },
      { status: RequestStatus.CLOSED, count: 1 },
    ]);
    expect(counts.map((c) => c.status)).toEqual(Object.values(RequestStatus));
    expect(counts.find((c) => c.status === RequestStatus.CLOSED)?.count).toBe(3);
    expect(counts.find((c) => c.status === RequestStatus.DRAFT)?.count).toBe(0);
    expect(statusCounts([], [RequestStatus.SIGNED])).toEqual([{ status: RequestStatus.SIGNED, count: 0 }]);
    expect(requestListHref(RequestStatus.SIGNED)).toBe("/requests?status=SIGNED");
  });
});

describe("halfYearOf", () => {
  it("splits the Shanghai year at July 1", () => {
    expect(halfYearOf(new Date("2026-11-27T02:00:00Z"))).toEqual({ year: 2026, half: 2, firstDay: "2026-07-01", lastDay: "2026-12-31" });
    // 2026-06-30 20:00 UTC is already July 1 in Shanghai.
    expect(halfYearOf(new Date("2026-06-30T20:00:00Z")).half).toBe(2);
    expect(halfYearOf(new Date("2026-06-30T15:00:00Z"))).toEqual({ year: 2026, half: 1, firstDay: "2026-01-01", lastDay: "2026-06-30" });
  });
});

describe("parkFigureTable", () => {
  const row = (bankName: string, quarter: number, balance: bigint, borrowers: number) => ({
    year: 2026,
    quarter,
    bankOrgId: bankName,
    bankName,
    status: "ACCEPTED" as const,
    balanceFen: balance,
    incrementFen: -balance / 10n,
    borrowers,
    firstLoans: 1,
    creditLoans: 2,
  });

  it("keeps the quarter's rows by bank name and sums them in integer fen", () => {
    const table = parkFigureTable({ year: 2026, quarter: 3 }, true, [
      row("工行", 3, 12_345_678_901n, 3),
      row("农行", 3, 1n, 2),
      row("建行", 4, 99n, 9),
    ]);
    expect(table.rows.map((r) => r.bankName)).toEqual(["工行", "农行"]);
    expect(table.totals).toEqual({ balanceFen: "12345678902", incrementFen: "-1234567890", borrowers: 5, firstLoans: 2, creditLoans: 4 });
    expect(table.complete).toBe(true);
  });

  it("has no totals for a quarter without figures", () => {
    expect(parkFigureTable({ year: 2026, quarter: 4 }, false, [])).toEqual({
      year: 2026,
      quarter: 4,
      complete: false,
      rows: [],
      totals: null,
    });
  });
});
