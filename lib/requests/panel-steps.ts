/**
 * Which workflow steps the detail page offers to a bank or to the finance office, from
 * the item's state alone. The buttons only help: every mutation re-checks the state and
 * the actor's scope inside its transaction and refuses with "invalidState"/"notFound".
 */
import { EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";

export type TStepState = {
  status: RequestStatus;
  answeredAt: Date | null;
  dueAt: Date | null;
  escalationReason: EscalationReason | null;
  assignedBankId: string | null;
  returnDisputedAt: Date | null;
  withdrawnAfterAnswer: boolean;
  withdrawalCheckedAt: Date | null;
};

export type TBankStep = "sign" | "answer" | "pass" | "declareUnsolvable";
export type TSupervisionStep = "assign" | "remind" | "closeOut" | "ruleOnDispute" | "checkWithdrawal";

/** The reply clock runs: with a bank, not answered yet. */
export function isRunning(s: Pick<TStepState, "status" | "answeredAt">): boolean {
  const open = s.status === RequestStatus.FORWARDED || s.status === RequestStatus.SIGNED || s.status === RequestStatus.ESCALATED;
  return open && s.answeredAt === null;
}

export function isOverdue(s: Pick<TStepState, "status" | "answeredAt" | "dueAt">, now: Date): boolean {
  return isRunning(s) && s.dueAt !== null && now.getTime() > s.dueAt.getTime();
}

/** Steps for a user of a bank covering `coveredBankIds` (own org plus branches); none for a copied bank. */
export function bankSteps(s: TStepState, coveredBankIds: readonly string[]): TBankStep[] {
  if (!s.assignedBankId || !coveredBankIds.includes(s.assignedBankId) || !isRunning(s)) return [];
  if (s.status === RequestStatus.FORWARDED) return ["sign", "pass", "declareUnsolvable"];
  const steps: TBankStep[] = ["answer", "pass"];
  if (!(s.status === RequestStatus.ESCALATED && s.escalationReason === EscalationReason.UNSOLVABLE)) steps.push("declareUnsolvable");
  return steps;
}

/** Steps for the finance office (督办); the central bank only watches. */
export function supervisionSteps(s: TStepState, now: Date): TSupervisionStep[] {
  const steps: TSupervisionStep[] = [];
  const supervised = s.status === RequestStatus.ESCALATED || isOverdue(s, now);
  if (supervised) steps.push("assign");
  if (supervised && isRunning(s)) steps.push("remind");
  if (supervised) steps.push("closeOut");
  if (s.status === RequestStatus.RETURNED && s.returnDisputedAt) steps.push("ruleOnDispute");
  if (s.status === RequestStatus.WITHDRAWN && s.withdrawnAfterAnswer && !s.withdrawalCheckedAt) steps.push("checkWithdrawal");
  return steps;
}
