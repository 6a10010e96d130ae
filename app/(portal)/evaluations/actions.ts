"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { enterEvaluationScores } from "@/lib/evaluation/mutations/enter-evaluation-scores";
import { finaliseEvaluation } from "@/lib/evaluation/mutations/finalise-evaluation";
import { openEvaluation } from "@/lib/evaluation/mutations/open-evaluation";
import { pickRectification } from "@/lib/evaluation/mutations/pick-rectification";
import { setEvaluationRules } from "@/lib/evaluation/mutations/set-evaluation-rules";
import {
  ZEnterEvaluationScoresInput,
  ZEvaluationIdInput,
  ZOpenEvaluationInput,
  ZPickRectificationInput,
  ZSetEvaluationRulesInput,
} from "@/lib/evaluation/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib functions re-check the permission, the office and the state (open, rules
// version, frozen rules, both quarters published, every bank scored) inside their
// transactions.

export const openEvaluationAction = defineAction({
  name: "evaluations.open",
  policy: "evaluations.manage",
  schema: ZOpenEvaluationInput,
  async handler({ input, user }) {
    const opened = await openEvaluation(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/evaluations");
    return opened;
  },
});

export const setEvaluationRulesAction = defineAction({
  name: "evaluations.setRules",
  policy: "evaluations.manage",
  schema: ZSetEvaluationRulesInput,
  async handler({ input, user }) {
    const changed = await setEvaluationRules(db(), user, input, { meta: await requestMeta() });
    revalidatePath(`/evaluations/${input.evaluationId}`);
    return changed;
  },
});

export const enterEvaluationScoresAction = defineAction({
  name: "evaluations.score",
  policy: "evaluations.score",
  schema: ZEnterEvaluationScoresInput,
  async handler({ input, user }) {
    const scored = await enterEvaluationScores(db(), user, input, { meta: await requestMeta() });
    revalidatePath(`/evaluations/${input.evaluationId}`);
    return scored;
  },
});

export const pickRectificationAction = defineAction({
  name: "evaluations.pickRectification",
  policy: "evaluations.manage",
  schema: ZPickRectificationInput,
  async handler({ input, user }) {
    const picked = await pickRectification(db(), user, input, { meta: await requestMeta() });
    revalidatePath(`/evaluations/${input.evaluationId}`);
    return picked;
  },
});

export const finaliseEvaluationAction = defineAction({
  name: "evaluations.finalise",
  policy: "evaluations.manage",
  schema: ZEvaluationIdInput,
  async handler({ input, user }) {
    const { finalisedAt, results } = await finaliseEvaluation(db(), user, input.evaluationId, { meta: await requestMeta() });
    revalidatePath("/evaluations");
    revalidatePath(`/evaluations/${input.evaluationId}`);
    return { finalisedAt, banks: results.length, mustRectify: results.filter((r) => r.mustRectify).length };
  },
});
