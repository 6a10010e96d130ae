/**
 * Who may take each workflow step: the permission the role needs, and for the bank's own
 * steps, being the bank the item is assigned to (or a parent bank covering it). Which items
 * a user sees at all is the scope's (lib/auth/scopes.ts); which state allows a step is
 * canStep's (transitions.ts). runStep checks both, and the detail page's panels offer
 * exactly the steps that pass both (lib/requests/panel-steps.ts).
 */
import { canActor, type TActor, type TPermission } from "@/lib/auth/permissions";
import type { TWorkflowStep } from "./transitions";

export const STEP_PERMISSION: Readonly<Record<TWorkflowStep, TPermission>> = Object.freeze({
  edit: "requests.create",
  submit: "requests.create",
  disputeReturn: "requests.create",
  supplyDocuments: "requests.create",
  rate: "requests.rate",
  withdraw: "requests.withdraw",
  forward: "requests.forward",
  return: "requests.return",
  sign: "requests.sign",
  answer: "requests.answer",
  pass: "requests.pass",
  declareUnsolvable: "requests.pass",
  assign: "requests.supervise",
  remind: "requests.supervise",
  closeOut: "requests.supervise",
  ruleOnDispute: "requests.supervise",
  checkWithdrawal: "requests.supervise",
});

// A bank copied on an item reads it but does not act on it: only the responsible bank does.
const RESPONSIBLE_BANK_STEPS: ReadonlySet<TWorkflowStep> = new Set(["sign", "answer", "pass", "declareUnsolvable"]);

/**
 * Whether this actor may take `step` on an item it can see. `coveredBankIds` is the bank
 * subtree the actor acts for (bankCoverage: own bank plus branches; empty outside banks).
 */
export function mayTakeStep(
  step: TWorkflowStep,
  actor: TActor,
  coveredBankIds: readonly string[],
  item: { assignedBankId: string | null },
): boolean {
  if (!canActor(actor, STEP_PERMISSION[step])) return false;
  if (!RESPONSIBLE_BANK_STEPS.has(step)) return true;
  return item.assignedBankId !== null && coveredBankIds.includes(item.assignedBankId);
}
