"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { openEvaluationSummons } from "@/lib/summons/mutations/open-evaluation-summons";
import { openSummons } from "@/lib/summons/mutations/open-summons";
import {
  acceptSummonsCompletion,
  acceptSummonsPlan,
  cosignSummons,
  fileSummonsCompletion,
  fileSummonsPlan,
  returnSummonsCompletion,
  returnSummonsPlan,
} from "@/lib/summons/mutations/summons-steps";
import {
  ZOpenEvaluationSummonsInput,
  ZOpenSummonsInput,
  ZSummonsFilingInput,
  ZSummonsReturnInput,
  ZSummonsStepInput,
} from "@/lib/summons/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib mutations re-check inside their transaction: the permission, the scope (a bank
// acts only on its own summons; another bank's id is "notFound"), the status, the version
// the user saw.

export const openSummonsAction = defineAction({
  name: "summons.open",
  policy: "summons.manage",
  schema: ZOpenSummonsInput,
  async handler({ input, user }) {
    const done = await openSummons(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/summons");
    return done;
  },
});

export const fileSummonsPlanAction = defineAction({
  name: "summons.filePlan",
  policy: "summons.rectify",
  schema: ZSummonsFilingInput,
  async handler({ input, user }) {
    const done = await fileSummonsPlan(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const acceptSummonsPlanAction = defineAction({
  name: "summons.acceptPlan",
  policy: "summons.manage",
  schema: ZSummonsStepInput,
  async handler({ input, user }) {
    const done = await acceptSummonsPlan(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const returnSummonsPlanAction = defineAction({
  name: "summons.returnPlan",
  policy: "summons.manage",
  schema: ZSummonsReturnInput,
  async handler({ input, user }) {
    const done = await returnSummonsPlan(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const fileSummonsCompletionAction = defineAction({
  name: "summons.fileCompletion",
  policy: "summons.rectify",
  schema: ZSummonsFilingInput,
  async handler({ input, user }) {
    const done = await fileSummonsCompletion(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const acceptSummonsCompletionAction = defineAction({
  name: "summons.acceptCompletion",
  policy: "summons.manage",
  schema: ZSummonsStepInput,
  async handler({ input, user }) {
    const done = await acceptSummonsCompletion(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const returnSummonsCompletionAction = defineAction({
  name: "summons.returnCompletion",
  policy: "summons.manage",
  schema: ZSummonsReturnInput,
  async handler({ input, user }) {
    const done = await returnSummonsCompletion(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const cosignSummonsAction = defineAction({
  name: "summons.cosign",
  policy: "summons.cosign",
  schema: ZSummonsStepInput,
  async handler({ input, user }) {
    const done = await cosignSummons(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

function refresh(id: string): void {
  revalidatePath("/summons");
  revalidatePath(`/summons/${id}`);
}

// After a finalised half-year evaluation: a bank it found must rectify.
export const openEvaluationSummonsAction = defineAction({
  name: "summons.openFromEvaluation",
  policy: "summons.manage",
  schema: ZOpenEvaluationSummonsInput,
  async handler({ input, user }) {
    const done = await openEvaluationSummons(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/summons");
    revalidatePath(`/evaluations/${input.evaluationId}`);
    return done;
  },
});
