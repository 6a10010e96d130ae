/**
 * The buttons of the detail page's step panels, derived from the one step table: a panel
 * offers a step exactly when runStep would accept it now — the actor may take it
 * (mayTakeStep: permission, responsible bank) and the item's state allows it (canStep).
 * No rule of its own lives here; panel-steps.test.ts walks every status × role × fact.
 */
import type { TActor } from "@/lib/auth/permissions";
import { mayTakeStep } from "@/lib/requests/workflow/step-permissions";
import { canStep, type TStepFacts, type TWorkflowStep } from "@/lib/requests/workflow/transitions";

/** Which panel shows which step ("edit" is the link to the edit page, which also resubmits). */
export const PANEL_STEPS = {
  enterprise: ["edit", "submit", "disputeReturn", "supplyDocuments", "rate", "withdraw"],
  park: ["forward", "return"],
  bank: ["sign", "answer", "pass", "declareUnsolvable"],
  supervision: ["assign", "remind", "closeOut", "ruleOnDispute", "checkWithdrawal"],
} as const satisfies Record<string, readonly TWorkflowStep[]>;

export type TPanel = keyof typeof PANEL_STEPS;
export type TPanelStep<P extends TPanel> = (typeof PANEL_STEPS)[P][number];
export type TBankStep = TPanelStep<"bank">;
export type TSupervisionStep = TPanelStep<"supervision">;

export type TStepItem = TStepFacts & { assignedBankId: string | null };
/** The user looking, with the bank subtree it acts for (bankCoverage; empty outside banks). */
export type TStepViewer = { actor: TActor; coveredBankIds: readonly string[] };

/** The steps `panel` offers this viewer on an item it can see (the page found it through the scope). */
export function panelSteps<P extends TPanel>(panel: P, viewer: TStepViewer, item: TStepItem, now: Date): TPanelStep<P>[] {
  const steps: readonly TPanelStep<P>[] = PANEL_STEPS[panel];
  return steps.filter((step) => mayTakeStep(step, viewer.actor, viewer.coveredBankIds, item) && canStep(step, item, now));
}
