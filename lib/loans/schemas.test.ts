import { describe, expect, it } from "vitest";
import zh from "@/lib/i18n/messages/zh-CN/loans.json";
import { ZRecordLoan } from "./schemas";

const valid = {
  enterpriseId: "6f1c1b7e-3c1a-4c6e-9d7a-2b1f0e0c9a11",
  amountFen: "1,200.5",
  termMonths: "１２",
  annualRate: "3.45%",
  product: "流动资金贷款",
  secured: "credit",
  disbursedOn: "2026-09-01",
};

const errorsOf = (input: Record<string, unknown>) =>
  Object.fromEntries((ZRecordLoan.safeParse(input).error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("ZRecordLoan", () => {
  it("reads 万元 as fen, full-width digits, a rate with a percent sign, no maturity", () => {
    expect(ZRecordLoan.parse(valid)).toMatchObject({
      amountFen: "1200500000",
      termMonths: 12,
      annualRate: "3.45",
      secured: "credit",
      isFirstLoan: false,
      guarantee: null,
      maturesOn: null,
    });
  });

  it("refuses with codes that each have a Chinese message", () => {
    // The maturity is checked against the disbursement once every field is valid.
    const errors = {
      ...errorsOf({}),
      ...errorsOf({ ...valid, amountFen: "1.234", annualRate: "25", termMonths: "0" }),
      ...errorsOf({ ...valid, maturesOn: "2026-08-01" }),
    };
    expect(errors).toMatchObject({
      enterpriseId: "enterpriseRequired",
      amountFen: "tooManyDecimals",
      annualRate: "badRate",
      termMonths: "badTerm",
      secured: "securedRequired",
      product: "productRequired",
      disbursedOn: "badDate",
      maturesOn: "maturesBeforeDisbursed",
    });
    for (const code of Object.values(errors)) expect(zh.loans.errors, code).toHaveProperty(code);
  });
});
