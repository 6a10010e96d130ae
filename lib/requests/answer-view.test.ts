import { describe, expect, it } from "vitest";
import { AnswerKind } from "@/lib/generated/prisma/enums";
import { answerView } from "./answer-view";

describe("answerView", () => {
  it("shows a loan's fields in order, money as fen", () => {
    const answer = {
      kind: "GRANTED",
      amountFen: "5000000000",
      annualRate: "3.45",
      termMonths: 12,
      product: "科技贷",
      guarantee: null,
      isFirstLoan: true,
      isCreditLoan: false,
      grantedOn: "2026-05-08",
      disbursedOn: null,
      maturesOn: "2027-05-07",
    };
    expect(answerView(answer, null)).toEqual({
      kind: AnswerKind.GRANTED,
      rows: [
        { key: "amountFen", kind: "amountFen", value: "5000000000" },
        { key: "annualRate", kind: "rate", value: "3.45" },
        { key: "termMonths", kind: "months", value: 12 },
        { key: "product", kind: "text", value: "科技贷" },
        { key: "isFirstLoan", kind: "bool", value: true },
        { key: "isCreditLoan", kind: "bool", value: false },
        { key: "grantedOn", kind: "day", value: "2026-05-08" },
        { key: "maturesOn", kind: "day", value: "2027-05-07" },
      ],
    });
  });
  it("shows only the fields of the answer's kind", () => {
    expect(answerView({ kind: "CANNOT_DO", reason: "无抵押", conditions: "ignored" }, null)?.rows).toEqual([
      { key: "reason", kind: "text", value: "无抵押" },
    ]);
  });
  it("falls back to the column's kind, and is null without any answer", () => {
    expect(answerView(null, AnswerKind.NEEDS_DOCUMENTS)).toEqual({ kind: AnswerKind.NEEDS_DOCUMENTS, rows: [] });
    expect(answerView(null, null)).toBeNull();
  });
});
