/**
 * The park assistance plan (帮扶方案 / 综合融资方案) as data: which step may start from which
 * status, who takes it, and where it leads. The server (take-plan-step.ts) and the plan
 * page's buttons both read PLAN_STEPS through canPlanStep and mayTakePlanStep, so a button
 * is shown exactly when the server would accept the step. Pure: no Next, no Prisma.
 *
 * - The park's main bank drafts, edits (while a draft or returned) and submits.
 * - The park approves or returns a submitted version; the finance office then approves
 *   or returns the park-approved one. A return needs a reason; the bank edits and
 *   resubmits the same version.
 * - Once approved, a change starts a new version (revise): the approved one stays in
 *   force, unchanged, until the new one is approved in turn.
 */
import { AssistancePlanStatus } from "@/lib/generated/prisma/enums";
import type { TPermission } from "@/lib/auth/permissions";

export const PLAN_STEP_NAMES = ["save", "submit", "parkApprove", "parkReturn", "financeApprove", "financeReturn", "revise"] as const;
export type TPlanStep = (typeof PLAN_STEP_NAMES)[number];

/** Whose step it is: the plan's bank, the plan's park, or the finance office. */
export type TPlanParty = "bank" | "park" | "finance";

type TStepRule = { from: readonly AssistancePlanStatus[]; to: AssistancePlanStatus | null; permission: TPermission; party: TPlanParty };

const { DRAFT, SUBMITTED, PARK_APPROVED, APPROVED, RETURNED } = AssistancePlanStatus;

export const PLAN_STEPS: Readonly<Record<TPlanStep, TStepRule>> = Object.freeze({
  // Editing keeps the status: a returned version stays "returned" until it is resubmitted.
  save: { from: [DRAFT, RETURNED], to: null, permission: "plans.draft", party: "bank" },
  submit: { from: [DRAFT, RETURNED], to: SUBMITTED, permission: "plans.draft", party: "bank" },
  parkApprove: { from: [SUBMITTED], to: PARK_APPROVED, permission: "plans.parkReview", party: "park" },
  parkReturn: { from: [SUBMITTED], to: RETURNED, permission: "plans.parkReview", party: "park" },
  financeApprove: { from: [PARK_APPROVED], to: APPROVED, permission: "plans.approve", party: "finance" },
  financeReturn: { from: [PARK_APPROVED], to: RETURNED, permission: "plans.approve", party: "finance" },
  // A new version (a draft) after the approved one; its status is the new version's.
  revise: { from: [APPROVED], to: DRAFT, permission: "plans.draft", party: "bank" },
});

/** The steps that need a reason (a return). */
export const PLAN_RETURN_STEPS: readonly TPlanStep[] = ["parkReturn", "financeReturn"];

/** Whether the step may start from the newest version's status (who may: mayTakePlanStep). */
export function canPlanStep(step: TPlanStep, status: AssistancePlanStatus): boolean {
  return PLAN_STEPS[step].from.includes(status);
}

/** What the viewer is to a plan: which parties it acts as (none for a reader). */
export type TPlanViewer = { permissions: (p: TPermission) => boolean; parties: readonly TPlanParty[] };

/** Who may take the step on this plan: the step's permission and the step's party. */
export function mayTakePlanStep(viewer: TPlanViewer, step: TPlanStep): boolean {
  const rule = PLAN_STEPS[step];
  return viewer.permissions(rule.permission) && viewer.parties.includes(rule.party);
}

/** The steps the plan page offers: the same two checks as the server, nothing else. */
export function planStepsFor(viewer: TPlanViewer, status: AssistancePlanStatus): TPlanStep[] {
  return PLAN_STEP_NAMES.filter((s) => canPlanStep(s, status) && mayTakePlanStep(viewer, s));
}

export const PLAN_TEXT_MAX = 2000;
export const PLAN_SHORT_MAX = 50;
export const PLAN_PHONE_MAX = 20;
export const PLAN_REASON_MAX = 500;
export const PLAN_REASON_MIN = 2;
export const PLAN_TEAM_MAX = 8;
export const PLAN_PRODUCTS_MAX = 20;

export type TPlanTeamMember = { name: string; role: string; phone: string };
export type TPlanProduct = { id: string; name: string };
