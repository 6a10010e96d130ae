/**
 * The request state machine as data: which step may run from which status. Pure (no
 * Prisma, no Next), so the table is tested on its own, and it is the one definition: runStep
 * refuses what canStep refuses, and the detail page's panels offer exactly what it allows
 * (lib/requests/panel-steps.ts; its test walks every status × role × fact).
 *
 * A few steps also look at more than the status (an ESCALATED item the banks already
 * answered has no running reply clock; a dispute needs returnDisputedAt …): those
 * conditions live in the predicates below, next to the table.
 */
import type { TErrorCode } from "@/lib/errors";
import { AnswerKind, EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";

const { DRAFT, SUBMITTED, RETURNED, FORWARDED, SIGNED, ANSWERED, ESCALATED, CLOSED, WITHDRAWN } = RequestStatus;

export type TWorkflowStep =
  | "edit"
  | "submit"
  | "forward"
  | "return"
  | "sign"
  | "answer"
  | "pass"
  | "declareUnsolvable"
  | "assign"
  | "remind"
  | "closeOut"
  | "ruleOnDispute"
  | "checkWithdrawal"
  | "rate"
  | "withdraw"
  | "disputeReturn"
  | "supplyDocuments";

/** Statuses each step may start from (before the finer checks below). */
export const STEP_FROM: Readonly<Record<TWorkflowStep, readonly RequestStatus[]>> = Object.freeze({
  edit: [DRAFT, RETURNED],
  submit: [DRAFT, RETURNED],
  forward: [SUBMITTED],
  return: [SUBMITTED],
  sign: [FORWARDED, ESCALATED],
  answer: [SIGNED, ESCALATED],
  pass: [FORWARDED, SIGNED, ESCALATED],
  declareUnsolvable: [FORWARDED, SIGNED, ESCALATED],
  assign: [FORWARDED, SIGNED, ESCALATED],
  remind: [FORWARDED, SIGNED, ESCALATED],
  closeOut: [FORWARDED, SIGNED, ANSWERED, ESCALATED],
  ruleOnDispute: [RETURNED],
  checkWithdrawal: [WITHDRAWN],
  rate: [ANSWERED],
  withdraw: [SUBMITTED, RETURNED, FORWARDED, SIGNED, ESCALATED, ANSWERED],
  disputeReturn: [RETURNED],
  supplyDocuments: [ANSWERED],
});

/** What the predicates need to know about the item (a subset of the Request row). */
export type TStepFacts = {
  status: RequestStatus;
  answerKind: AnswerKind | null;
  escalationReason: EscalationReason | null;
  signedAt: Date | null;
  answeredAt: Date | null;
  dueAt: Date | null;
  returnDisputedAt: Date | null;
  returnDisputeNote: string | null;
  withdrawnAfterAnswer: boolean;
  withdrawalCheckedAt: Date | null;
};

/** A bank still owes an answer: the reply clock runs (FORWARDED, SIGNED, ESCALATED unanswered). */
export function awaitsAnswer(r: Pick<TStepFacts, "status" | "answeredAt">): boolean {
  return (r.status === FORWARDED || r.status === SIGNED || r.status === ESCALATED) && r.answeredAt === null;
}

/** Past the reply deadline and still unanswered. */
export function isOverdue(r: Pick<TStepFacts, "status" | "answeredAt" | "dueAt">, now: Date): boolean {
  return awaitsAnswer(r) && r.dueAt !== null && now.getTime() > r.dueAt.getTime();
}

/**
 * In the finance office's hands (督办): escalated, or unanswered and either past its reply
 * deadline or passed by the office to another bank. The same set as the supervision
 * queue's 需督办 tab (supervisionBranches), so what the queue lists, its page can act on.
 */
export function isSupervised(r: Pick<TStepFacts, "status" | "answeredAt" | "dueAt" | "escalationReason">, now: Date): boolean {
  return r.status === ESCALATED || isOverdue(r, now) || (awaitsAnswer(r) && r.escalationReason === EscalationReason.PASSED);
}

/** A bank already answered it: a withdrawal now is checked by the finance office. */
export function isAnsweredOnce(r: Pick<TStepFacts, "status" | "answeredAt">): boolean {
  return r.status === ANSWERED || r.answeredAt !== null;
}

/**
 * The bank asked for documents (需补充材料) and the enterprise has not sent them yet: the item
 * waits for the enterprise, which may upload files and send them back to the same bank.
 */
export function awaitsDocuments(r: Pick<TStepFacts, "status" | "answerKind">): boolean {
  return r.status === ANSWERED && r.answerKind === AnswerKind.NEEDS_DOCUMENTS;
}

/** Open: not a draft and not finished (closed or withdrawn). */
export function isOpen(status: RequestStatus): boolean {
  return status !== DRAFT && status !== CLOSED && status !== WITHDRAWN;
}

/** Whether `step` may run on an item with these facts at `now`. */
export function canStep(step: TWorkflowStep, r: TStepFacts, now: Date): boolean {
  if (!STEP_FROM[step].includes(r.status)) return false;
  switch (step) {
    // An ESCALATED item is signed for once; a FORWARDED one must be signed before its answer.
    case "sign":
      return awaitsAnswer(r) && (r.status === FORWARDED || r.signedAt === null);
    case "answer":
    case "pass":
      return awaitsAnswer(r);
    // Once: a second declaration would append a second permanent ESCALATE entry and tell the
    // supervisors again about an item already in their queue. After the finance office
    // assigns it to another bank (FORWARDED again) that bank may declare it in turn.
    case "declareUnsolvable":
      return awaitsAnswer(r) && !(r.status === ESCALATED && r.escalationReason === EscalationReason.UNSOLVABLE);
    // The finance office steps in on escalated items, or on ones already overdue.
    case "assign":
      return isSupervised(r, now);
    case "remind":
      return isOverdue(r, now);
    // 销号 closes an item the bank has handled (answered) or one under supervision; while a
    // bank is still within its deadline the item is the bank's, and before forwarding the
    // park's (docs/decisions/015-close-out.md).
    case "closeOut":
      return r.status === ANSWERED || isSupervised(r, now);
    // One dispute per return: a ruling clears returnDisputedAt but keeps the note, and a
    // new return clears both.
    case "disputeReturn":
      return r.returnDisputedAt === null && r.returnDisputeNote === null;
    case "ruleOnDispute":
      return r.returnDisputedAt !== null;
    case "checkWithdrawal":
      return r.withdrawnAfterAnswer && r.withdrawalCheckedAt === null;
    // Only an answer asking for documents can be answered with documents.
    case "supplyDocuments":
      return awaitsDocuments(r);
    default:
      return true;
  }
}

/**
 * Why canStep refused `step`: a precise code where "reload the page" would not tell the
 * user what is wrong, "invalidState" otherwise. It only words a refusal; canStep decides.
 */
export function stepRefusal(step: TWorkflowStep, r: Pick<TStepFacts, "status" | "escalationReason">): TErrorCode {
  if (step === "declareUnsolvable" && r.status === ESCALATED && r.escalationReason === EscalationReason.UNSOLVABLE)
    return "alreadyUnsolvable";
  if (step === "closeOut" && isOpen(r.status)) return "notClosable";
  return "invalidState";
}
