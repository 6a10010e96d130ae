import { describe, expect, it } from "vitest";
import { EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";
import { bankSteps, isOverdue, supervisionSteps, type TStepState } from "./panel-steps";

const now = new Date("2026-05-08T02:00:00Z");
const base: TStepState = {
  status: RequestStatus.FORWARDED,
  answeredAt: null,
  dueAt: new Date("2026-05-12T15:59:59.999Z"),
  escalationReason: null,
  assignedBankId: "bank-a1",
  returnDisputedAt: null,
  withdrawnAfterAnswer: false,
  withdrawalCheckedAt: null,
};
const overdue = { ...base, status: RequestStatus.SIGNED, dueAt: new Date("2026-05-06T15:59:59.999Z") };

describe("bankSteps", () => {
  it("offers signing on a forwarded item to the responsible bank and its parent", () => {
    expect(bankSteps(base, ["bank-a", "bank-a1"])).toEqual(["sign", "pass", "declareUnsolvable"]);
  });
  it("offers nothing to another bank (e.g. one only copied)", () => {
    expect(bankSteps(base, ["bank-b"])).toEqual([]);
  });
  it("offers answering once signed, and on an escalated item not yet answered", () => {
    expect(bankSteps({ ...base, status: RequestStatus.SIGNED }, ["bank-a1"])).toEqual(["answer", "pass", "declareUnsolvable"]);
    expect(bankSteps({ ...base, status: RequestStatus.ESCALATED, escalationReason: EscalationReason.UNSOLVABLE }, ["bank-a1"])).toEqual([
      "answer",
      "pass",
    ]);
  });
  it("offers nothing once answered", () => {
    expect(bankSteps({ ...base, status: RequestStatus.ANSWERED, answeredAt: now }, ["bank-a1"])).toEqual([]);
    expect(bankSteps({ ...base, status: RequestStatus.ESCALATED, answeredAt: now }, ["bank-a1"])).toEqual([]);
  });
});

describe("supervisionSteps", () => {
  it("offers nothing on an item still within its deadline", () => {
    expect(isOverdue(base, now)).toBe(false);
    expect(supervisionSteps(base, now)).toEqual([]);
  });
  it("offers assign, remind and close out on an overdue item", () => {
    expect(isOverdue(overdue, now)).toBe(true);
    expect(supervisionSteps(overdue, now)).toEqual(["assign", "remind", "closeOut"]);
  });
  it("does not remind on an escalated item the banks already answered", () => {
    expect(supervisionSteps({ ...base, status: RequestStatus.ESCALATED, answeredAt: now }, now)).toEqual(["assign", "closeOut"]);
  });
  it("rules on a disputed return and checks an unchecked withdrawal after an answer", () => {
    expect(supervisionSteps({ ...base, status: RequestStatus.RETURNED, returnDisputedAt: now }, now)).toEqual(["ruleOnDispute"]);
    expect(supervisionSteps({ ...base, status: RequestStatus.RETURNED }, now)).toEqual([]);
    expect(supervisionSteps({ ...base, status: RequestStatus.WITHDRAWN, withdrawnAfterAnswer: true }, now)).toEqual(["checkWithdrawal"]);
    expect(
      supervisionSteps({ ...base, status: RequestStatus.WITHDRAWN, withdrawnAfterAnswer: true, withdrawalCheckedAt: now }, now),
    ).toEqual([]);
  });
});
