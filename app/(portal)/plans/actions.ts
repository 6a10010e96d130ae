"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { startAssistancePlan } from "@/lib/plans/mutations/start-assistance-plan";
import { takePlanStep, type TPlanStepRequest } from "@/lib/plans/mutations/take-plan-step";
import type { TPlanStep } from "@/lib/plans/rules";
import { type TPlanReviewInput, ZPlanReviewInput, ZPlanStepInput, ZSavePlanInput, ZStartPlanInput } from "@/lib/plans/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib mutations re-check inside their transaction: the permission, the scope (another
// park's or bank's plan is "notFound"), the party (the plan's own bank, park), the status
// (the step table in lib/plans/rules.ts) and the version the user saw.

function refresh(id: string) {
  revalidatePath("/plans");
  revalidatePath(`/plans/${id}`);
  revalidatePath("/park");
}

/** Takes one step on a plan with this request's audit details, then refreshes its pages. */
async function step(user: Parameters<typeof takePlanStep>[1], request: TPlanStepRequest) {
  const done = await takePlanStep(db(), user, request, { meta: await requestMeta() });
  refresh(done.id);
  return done;
}

/** A review's decision as the step it takes: approve, or return with the reviewer's reason. */
function review(input: TPlanReviewInput, approve: TPlanStep, back: TPlanStep): TPlanStepRequest {
  const decision = input.decision === "approve" ? approve : back;
  return { planId: input.planId, version: input.version, step: decision, reason: input.decision === "return" ? input.reason : null };
}

export const startPlanAction = defineAction({
  name: "plans.start",
  policy: "plans.draft",
  schema: ZStartPlanInput,
  async handler({ input, user }) {
    // No revalidation here: it would re-render the editor's page (now without this park)
    // under the form before the form can open the new plan's page, which loads fresh.
    return startAssistancePlan(db(), user, input, { meta: await requestMeta() });
  },
});

export const savePlanAction = defineAction({
  name: "plans.save",
  policy: "plans.draft",
  schema: ZSavePlanInput,
  async handler({ input, user }) {
    return step(user, { planId: input.planId, version: input.version, step: input.intent, content: input.content });
  },
});

export const revisePlanAction = defineAction({
  name: "plans.revise",
  policy: "plans.draft",
  schema: ZPlanStepInput,
  async handler({ input, user }) {
    return step(user, { ...input, step: "revise" });
  },
});

export const parkReviewPlanAction = defineAction({
  name: "plans.parkReview",
  policy: "plans.parkReview",
  schema: ZPlanReviewInput,
  async handler({ input, user }) {
    return step(user, review(input, "parkApprove", "parkReturn"));
  },
});

export const financeReviewPlanAction = defineAction({
  name: "plans.financeReview",
  policy: "plans.approve",
  schema: ZPlanReviewInput,
  async handler({ input, user }) {
    return step(user, review(input, "financeApprove", "financeReturn"));
  },
});
