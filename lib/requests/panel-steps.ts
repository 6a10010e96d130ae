/**
 * Which workflow steps the detail page's panels offer to a user, from the item's state.
 * The buttons only help: every mutation re-checks the state and the actor's scope inside
 * its transaction and refuses with "invalidState"/"notFound".
 */
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor, type TPermission } from "@/lib/auth/permissions";
import { EscalationReason, RequestStatus } from "@/lib/generated/prisma/enums";
import { enterpriseChoices } from "@/lib/requests/enterprise-choices";
import type { TStepFacts, TWorkflowStep } from "@/lib/requests/workflow/transitions";

export const PANEL_STEPS = {
  enterprise: ["edit", "submit", "disputeReturn", "rate", "withdraw"],
  park: ["forward", "return"],
  bank: ["sign", "answer", "pass", "declareUnsolvable"],
  supervision: ["assign", "remind", "closeOut", "ruleOnDispute", "checkWithdrawal"],
} as const satisfies Record<string, readonly TWorkflowStep[]>;

export type TPanel = keyof typeof PANEL_STEPS;
export type TPanelStep<P extends TPanel> = (typeof PANEL_STEPS)[P][number];
export type TBankStep = TPanelStep<"bank">;
export type TSupervisionStep = TPanelStep<"supervision">;

export type TStepItem = TStepFacts & { assignedBankId: string | null; escalationReason: EscalationReason | null };
export type TStepViewer = { actor: TActor; coveredBankIds: readonly string[] };

/** The reply clock runs: with a bank, not answered yet. */
export function isRunning(s: Pick<TStepItem, "status" | "answeredAt">): boolean {
  const open = s.status === RequestStatus.FORWARDED || s.status === RequestStatus.SIGNED || s.status === RequestStatus.ESCALATED;
  return open && s.answeredAt === null;
}

export function isOverdue(s: Pick<TStepItem, "status" | "answeredAt" | "dueAt">, now: Date): boolean {
  return isRunning(s) && s.dueAt !== null && now.getTime() > s.dueAt.getTime();
}

const PERMISSION_OF_STEP: Record<TBankStep, TPermission> = {
  sign: "requests.sign",
  answer: "requests.answer",
  pass: "requests.pass",
  declareUnsolvable: "requests.pass",
};

function bankSteps(s: TStepItem, coveredBankIds: readonly string[]): TBankStep[] {
  if (!s.assignedBankId || !coveredBankIds.includes(s.assignedBankId) || !isRunning(s)) return [];
  if (s.status === RequestStatus.FORWARDED) return ["sign", "pass", "declareUnsolvable"];
  const steps: TBankStep[] = ["answer", "pass"];
  if (!(s.status === RequestStatus.ESCALATED && s.escalationReason === EscalationReason.UNSOLVABLE)) steps.push("declareUnsolvable");
  return steps;
}

function supervisionSteps(s: TStepItem, now: Date): TSupervisionStep[] {
  const steps: TSupervisionStep[] = [];
  const supervised = s.status === RequestStatus.ESCALATED || isOverdue(s, now);
  if (supervised) steps.push("assign");
  if (supervised && isRunning(s)) steps.push("remind");
  if (supervised) steps.push("closeOut");
  if (s.status === RequestStatus.RETURNED && s.returnDisputedAt) steps.push("ruleOnDispute");
  if (s.status === RequestStatus.WITHDRAWN && s.withdrawnAfterAnswer && !s.withdrawalCheckedAt) steps.push("checkWithdrawal");
  return steps;
}

/** The steps `panel` offers this viewer on an item it can see. */
export function panelSteps<P extends TPanel>(panel: P, viewer: TStepViewer, item: TStepItem, now: Date): TPanelStep<P>[] {
  const { actor } = viewer;
  const steps: TWorkflowStep[] = [];
  if (panel === "bank" && areaOfRole(actor.role) === "bank")
    steps.push(...bankSteps(item, viewer.coveredBankIds).filter((s) => canActor(actor, PERMISSION_OF_STEP[s])));
  if (panel === "supervision" && canActor(actor, "requests.supervise")) steps.push(...supervisionSteps(item, now));
  if (panel === "park" && item.status === RequestStatus.SUBMITTED) {
    if (canActor(actor, "requests.forward")) steps.push("forward");
    if (canActor(actor, "requests.return")) steps.push("return");
  }
  if (panel === "enterprise" && canActor(actor, "requests.create")) {
    const c = enterpriseChoices(item.status, item.returnDisputedAt);
    if (c.edit) steps.push("edit", "submit");
    if (c.dispute) steps.push("disputeReturn");
    if (c.rate) steps.push("rate");
    if (c.withdraw) steps.push("withdraw");
  }
  return steps as TPanelStep<P>[];
}
