import { describe, expect, it } from "vitest";
import { AnswerKind, EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";
import {
  STEP_FROM,
  awaitsAnswer,
  awaitsDocuments,
  canStep,
  isOpen,
  isOverdue,
  stepRefusal,
  type TStepFacts,
  type TWorkflowStep,
} from "./transitions";

const NOW = new Date("2026-10-14T02:00:00Z");
const PAST_DUE = new Date("2026-10-13T15:59:59.999Z");
const FUTURE_DUE = new Date("2026-10-20T15:59:59.999Z");

function facts(status: RequestStatus, extra: Partial<TStepFacts> = {}): TStepFacts {
  return {
    status,
    answerKind: null,
    escalationReason: null,
    signedAt: null,
    answeredAt: null,
    dueAt: FUTURE_DUE,
    returnDisputedAt: null,
    returnDisputeNote: null,
    withdrawnAfterAnswer: false,
    withdrawalCheckedAt: null,
    ...extra,
  };
}

const ALL = Object.values(RequestStatus);
const allowedFrom = (step: TWorkflowStep, extra: Partial<TStepFacts> = {}) => ALL.filter((s) => canStep(step, facts(s, extra), NOW));

describe("the request state machine", () => {
  it("never lets a step start from a status outside its table row", () => {
    for (const step of Object.keys(STEP_FROM) as TWorkflowStep[]) {
      for (const status of ALL) {
        for (const extra of [
          {},
          { dueAt: PAST_DUE },
          { returnDisputedAt: NOW },
          { withdrawnAfterAnswer: true },
          { signedAt: NOW },
          { answeredAt: NOW },
          { answerKind: AnswerKind.NEEDS_DOCUMENTS },
        ]) {
          if (canStep(step, facts(status, extra), NOW)) expect(STEP_FROM[step]).toContain(status);
        }
      }
    }
  });

  it("has nothing leave CLOSED, and WITHDRAWN only for the withdrawal check", () => {
    for (const step of Object.keys(STEP_FROM) as TWorkflowStep[]) {
      expect(STEP_FROM[step]).not.toContain(RequestStatus.CLOSED);
      if (step !== "checkWithdrawal") expect(STEP_FROM[step]).not.toContain(RequestStatus.WITHDRAWN);
    }
  });

  it("edits and submits drafts and returned items only", () => {
    expect(allowedFrom("edit")).toEqual(["DRAFT", "RETURNED"]);
    expect(allowedFrom("submit")).toEqual(["DRAFT", "RETURNED"]);
    expect(allowedFrom("forward")).toEqual(["SUBMITTED"]);
    expect(allowedFrom("return")).toEqual(["SUBMITTED"]);
  });

  it("signs a forwarded item, or an escalated one not yet signed for; answers only after signing", () => {
    expect(allowedFrom("sign")).toEqual(["FORWARDED", "ESCALATED"]);
    expect(canStep("sign", facts("ESCALATED", { signedAt: NOW }), NOW)).toBe(false);
    expect(allowedFrom("answer")).toEqual(["SIGNED", "ESCALATED"]);
    // An item the banks already answered (escalated by the park) owes no answer.
    expect(canStep("answer", facts("ESCALATED", { answeredAt: NOW }), NOW)).toBe(false);
    expect(canStep("pass", facts("ESCALATED", { answeredAt: NOW }), NOW)).toBe(false);
  });

  it("lets the finance office remind only overdue items, and assign escalated or overdue ones", () => {
    expect(allowedFrom("remind")).toEqual([]);
    expect(allowedFrom("remind", { dueAt: PAST_DUE })).toEqual(["FORWARDED", "SIGNED", "ESCALATED"]);
    expect(allowedFrom("assign")).toEqual(["ESCALATED"]);
    expect(allowedFrom("assign", { dueAt: PAST_DUE })).toEqual(["FORWARDED", "SIGNED", "ESCALATED"]);
  });

  it("declares an item unsolvable once: not again while it is escalated as unsolvable", () => {
    expect(allowedFrom("declareUnsolvable")).toEqual(["FORWARDED", "SIGNED", "ESCALATED"]);
    const unsolvable = { escalationReason: EscalationReason.UNSOLVABLE };
    expect(canStep("declareUnsolvable", facts("ESCALATED", unsolvable), NOW)).toBe(false);
    expect(stepRefusal("declareUnsolvable", facts("ESCALATED", unsolvable))).toBe("alreadyUnsolvable");
    // Escalated for another reason, or assigned on to another bank: that bank may declare it.
    expect(canStep("declareUnsolvable", facts("ESCALATED", { escalationReason: EscalationReason.OVERDUE }), NOW)).toBe(true);
    expect(canStep("declareUnsolvable", facts("FORWARDED", unsolvable), NOW)).toBe(true);
  });

  it("closes out (销号) answered or supervised items only, never one still with the park or within a bank's deadline", () => {
    expect(allowedFrom("closeOut")).toEqual(["ANSWERED", "ESCALATED"]);
    expect(allowedFrom("closeOut", { dueAt: PAST_DUE })).toEqual(["FORWARDED", "SIGNED", "ANSWERED", "ESCALATED"]);
    expect(canStep("closeOut", facts("ESCALATED", { answeredAt: NOW }), NOW)).toBe(true);
    // Passed by the office to another bank and not yet answered: in the supervision queue,
    // so under supervision even within the new bank's deadline.
    expect(allowedFrom("closeOut", { escalationReason: "PASSED" })).toEqual(["FORWARDED", "SIGNED", "ANSWERED", "ESCALATED"]);
    expect(canStep("assign", facts("SIGNED", { escalationReason: "PASSED" }), NOW)).toBe(true);
    for (const status of ["SUBMITTED", "RETURNED", "FORWARDED", "SIGNED"] as const)
      expect(stepRefusal("closeOut", facts(status))).toBe("notClosable");
    expect(stepRefusal("closeOut", facts("CLOSED"))).toBe("invalidState");
    expect(stepRefusal("sign", facts("CLOSED"))).toBe("invalidState");
  });

  it("allows one dispute per return and a ruling only on a disputed one", () => {
    expect(canStep("disputeReturn", facts("RETURNED"), NOW)).toBe(true);
    expect(canStep("disputeReturn", facts("RETURNED", { returnDisputedAt: NOW, returnDisputeNote: "x" }), NOW)).toBe(false);
    expect(canStep("disputeReturn", facts("RETURNED", { returnDisputeNote: "settled" }), NOW)).toBe(false);
    expect(canStep("ruleOnDispute", facts("RETURNED"), NOW)).toBe(false);
    expect(canStep("ruleOnDispute", facts("RETURNED", { returnDisputedAt: NOW }), NOW)).toBe(true);
  });

  it("rates answered items, withdraws open ones, checks a withdrawal after an answer once", () => {
    expect(allowedFrom("rate")).toEqual(["ANSWERED"]);
    expect(allowedFrom("withdraw")).toEqual(["SUBMITTED", "RETURNED", "FORWARDED", "SIGNED", "ANSWERED", "ESCALATED"]);
    expect(canStep("checkWithdrawal", facts("WITHDRAWN"), NOW)).toBe(false);
    expect(canStep("checkWithdrawal", facts("WITHDRAWN", { withdrawnAfterAnswer: true }), NOW)).toBe(true);
    expect(canStep("checkWithdrawal", facts("WITHDRAWN", { withdrawnAfterAnswer: true, withdrawalCheckedAt: NOW }), NOW)).toBe(false);
  });

  it("sends documents only on an answer asking for them (需补充材料), which the enterprise may still rate or withdraw", () => {
    const asked = { answerKind: AnswerKind.NEEDS_DOCUMENTS, answeredAt: NOW };
    expect(allowedFrom("supplyDocuments")).toEqual([]);
    expect(allowedFrom("supplyDocuments", asked)).toEqual(["ANSWERED"]);
    for (const kind of [AnswerKind.CAN_DO, AnswerKind.CANNOT_DO, AnswerKind.GRANTED])
      expect(canStep("supplyDocuments", facts("ANSWERED", { answerKind: kind, answeredAt: NOW }), NOW)).toBe(false);
    expect(canStep("rate", facts("ANSWERED", asked), NOW)).toBe(true);
    expect(canStep("withdraw", facts("ANSWERED", asked), NOW)).toBe(true);
    expect(awaitsDocuments(facts("ANSWERED", asked))).toBe(true);
    // Once the documents are sent the item is the bank's again (SIGNED, clock running).
    expect(awaitsDocuments(facts("SIGNED", asked))).toBe(false);
    expect(stepRefusal("supplyDocuments", facts("SIGNED"))).toBe("invalidState");
  });

  it("judges overdue strictly after the due instant", () => {
    expect(isOverdue(facts("SIGNED", { dueAt: NOW }), NOW)).toBe(false);
    expect(isOverdue(facts("SIGNED", { dueAt: new Date(NOW.getTime() - 1) }), NOW)).toBe(true);
    expect(isOverdue(facts("ANSWERED", { dueAt: PAST_DUE, answeredAt: NOW }), NOW)).toBe(false);
    expect(awaitsAnswer(facts("FORWARDED"))).toBe(true);
    expect(isOpen("DRAFT")).toBe(false);
    expect(isOpen("ANSWERED")).toBe(true);
  });
});
