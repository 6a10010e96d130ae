import { describe, expect, it } from "vitest";
import { indicatorValues } from "./indicator-values";
import type { TLoanFiguresRow } from "@/lib/ranking/queries/query-loan-figures";
import type { TTargetFiguresRow } from "@/lib/ranking/queries/query-target-figures";

const filed: TLoanFiguresRow = {
  bankOrgId: "b",
  bankName: "银行",
  submittedAt: new Date("2026-10-10T02:00:00Z"),
  dueAt: new Date("2026-10-14T16:00:00Z"),
  figureCount: 2,
  balanceFen: "500000000000",
  incrementFen: "30000000000",
  borrowers: 90,
  firstLoans: 9,
  creditLoans: 30,
};
const target: TTargetFiguresRow = {
  bankOrgId: "b",
  targetAmountFen: "120000000000", // 12,000 万元 for the year
  targetBorrowers: 120,
  targetFirstLoans: 12,
  targetCreditLoans: 45,
  ytdIncrementFen: "80000000000", // 8,000 万元 from Q1 to this quarter
};

describe("target attainment indicators", () => {
  it("measure the year's new lending to date and this quarter's households against the bank's own target", () => {
    const v = indicatorValues(undefined, filed, target);
    expect(v.loanTargetAttainment).toBe(66.66);
    expect(v.borrowersTargetAttainment).toBe(75);
    expect(v.firstLoansTargetAttainment).toBe(75);
    expect(v.creditLoansTargetAttainment).toBe(66.66);
  });

  it("have no data without a target, or without this quarter's return", () => {
    const none = indicatorValues(undefined, filed);
    expect(none.loanTargetAttainment).toBeNull();
    expect(none.borrowersTargetAttainment).toBeNull();
    const notFiled = indicatorValues(undefined, { ...filed, submittedAt: null, figureCount: 0 }, target);
    expect(notFiled.loanTargetAttainment).toBeNull();
    expect(notFiled.creditLoansTargetAttainment).toBeNull();
  });
});
