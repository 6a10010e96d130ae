/**
 * The summons (约谈) and rectification (整改) workflow as data: which step may start from
 * which status, who takes it, and where it leads. The server (summons-steps.ts) and the
 * detail page's buttons both read SUMMONS_STEPS through canSummonsStep, so a button is
 * shown exactly when the server would accept the step. Pure: no Next, no Prisma.
 */
import { SummonsStatus } from "@/lib/generated/prisma/enums";
import type { TPermission } from "@/lib/auth/permissions";

export const SUMMONS_STEP_NAMES = [
  "filePlan",
  "acceptPlan",
  "returnPlan",
  "fileCompletion",
  "acceptCompletion",
  "returnCompletion",
  "cosign",
] as const;
export type TSummonsStep = (typeof SUMMONS_STEP_NAMES)[number];

type TStepRule = { from: readonly SummonsStatus[]; to: SummonsStatus | null; permission: TPermission; bankOwn: boolean };

const { AWAITING_PLAN, PLAN_SUBMITTED, PLAN_RETURNED, IN_RECTIFICATION, COMPLETION_SUBMITTED, COMPLETION_RETURNED, COMPLETED } =
  SummonsStatus;

const OPEN: readonly SummonsStatus[] = [
  AWAITING_PLAN,
  PLAN_SUBMITTED,
  PLAN_RETURNED,
  IN_RECTIFICATION,
  COMPLETION_SUBMITTED,
  COMPLETION_RETURNED,
];

// bankOwn: only a user of the summoned bank itself may take it (a bank acts for itself).
export const SUMMONS_STEPS: Readonly<Record<TSummonsStep, TStepRule>> = Object.freeze({
  filePlan: { from: [AWAITING_PLAN, PLAN_RETURNED], to: PLAN_SUBMITTED, permission: "summons.rectify", bankOwn: true },
  acceptPlan: { from: [PLAN_SUBMITTED], to: IN_RECTIFICATION, permission: "summons.manage", bankOwn: false },
  returnPlan: { from: [PLAN_SUBMITTED], to: PLAN_RETURNED, permission: "summons.manage", bankOwn: false },
  fileCompletion: { from: [IN_RECTIFICATION, COMPLETION_RETURNED], to: COMPLETION_SUBMITTED, permission: "summons.rectify", bankOwn: true },
  acceptCompletion: { from: [COMPLETION_SUBMITTED], to: COMPLETED, permission: "summons.manage", bankOwn: false },
  returnCompletion: { from: [COMPLETION_SUBMITTED], to: COMPLETION_RETURNED, permission: "summons.manage", bankOwn: false },
  // The central bank attends and co-signs the record once, while it is still open.
  cosign: { from: OPEN, to: null, permission: "summons.cosign", bankOwn: false },
});

export type TSummonsFacts = { status: SummonsStatus; cosigned: boolean };

/** Whether the step may start from these facts (the state half; who may is mayTakeSummonsStep). */
export function canSummonsStep(step: TSummonsStep, facts: TSummonsFacts): boolean {
  if (step === "cosign" && facts.cosigned) return false;
  return SUMMONS_STEPS[step].from.includes(facts.status);
}

/**
 * Overdue: the earliest measure deadline (a Shanghai calendar day) is before today and the
 * completion report has not been accepted. `today` is the Shanghai day "YYYY-MM-DD".
 */
export function isSummonsOverdue(s: { status: SummonsStatus; dueOn: Date }, today: string): boolean {
  return s.status !== COMPLETED && s.dueOn.toISOString().slice(0, 10) < today;
}

export const SUMMONS_TEXT_MAX = 2000;
export const SUMMONS_SHORT_TEXT_MAX = 500;
export const SUMMONS_MEASURES_MAX = 10;
export const SUMMONS_REASON_MIN = 2;
