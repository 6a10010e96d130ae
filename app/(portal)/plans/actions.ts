"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { startAssistancePlan } from "@/lib/plans/mutations/start-assistance-plan";
import { takePlanStep } from "@/lib/plans/mutations/take-plan-step";
import { ZPlanReviewInput, ZPlanStepInput, ZSavePlanInput, ZStartPlanInput } from "@/lib/plans/schemas";
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
    const done = await takePlanStep(
      db(),
      user,
      { planId: input.planId, version: input.version, step: input.intent, content: input.content },
      { meta: await requestMeta() },
    );
    refresh(done.id);
    return done;
  },
});

export const revisePlanAction = defineAction({
  name: "plans.revise",
  policy: "plans.draft",
  schema: ZPlanStepInput,
  async handler({ input, user }) {
    const done = await takePlanStep(db(), user, { ...input, step: "revise" }, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const parkReviewPlanAction = defineAction({
  name: "plans.parkReview",
  policy: "plans.parkReview",
  schema: ZPlanReviewInput,
  async handler({ input, user }) {
    const step = input.decision === "approve" ? "parkApprove" : "parkReturn";
    const done = await takePlanStep(
      db(),
      user,
      { planId: input.planId, version: input.version, step, reason: input.decision === "return" ? input.reason : null },
      { meta: await requestMeta() },
    );
    refresh(done.id);
    return done;
  },
});

export const financeReviewPlanAction = defineAction({
  name: "plans.financeReview",
  policy: "plans.approve",
  schema: ZPlanReviewInput,
  async handler({ input, user }) {
    const step = input.decision === "approve" ? "financeApprove" : "financeReturn";
    const done = await takePlanStep(
      db(),
      user,
      { planId: input.planId, version: input.version, step, reason: input.decision === "return" ? input.reason : null },
      { meta: await requestMeta() },
    );
    refresh(done.id);
    return done;
  },
});
