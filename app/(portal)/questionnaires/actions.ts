"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { answerQuestionnaire } from "@/lib/questionnaires/mutations/answer-questionnaire";
import { closeQuestionnaire } from "@/lib/questionnaires/mutations/close-questionnaire";
import { createQuestionnaire } from "@/lib/questionnaires/mutations/create-questionnaire";
import { openQuestionnaire } from "@/lib/questionnaires/mutations/open-questionnaire";
import { ZAnswerQuestionnaire, ZCreateQuestionnaire, ZQuestionnaireStep } from "@/lib/questionnaires/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The permission says who may write, open, close or answer at all; which enterprise may
// answer which questionnaire (its target, its window, once) the mutations decide.

export const createQuestionnaireAction = defineAction({
  name: "questionnaires.create",
  policy: "questionnaires.manage",
  schema: ZCreateQuestionnaire,
  async handler({ input, user }) {
    const result = await createQuestionnaire(db(), user, input);
    revalidatePath("/questionnaires");
    return result;
  },
});

export const openQuestionnaireAction = defineAction({
  name: "questionnaires.open",
  policy: "questionnaires.manage",
  schema: ZQuestionnaireStep,
  async handler({ input, user }) {
    const result = await openQuestionnaire(db(), user, input);
    revalidatePath("/questionnaires");
    revalidatePath(`/questionnaires/${input.questionnaireId}`);
    return result;
  },
});

export const closeQuestionnaireAction = defineAction({
  name: "questionnaires.close",
  policy: "questionnaires.manage",
  schema: ZQuestionnaireStep,
  async handler({ input, user }) {
    const result = await closeQuestionnaire(db(), user, input);
    revalidatePath("/questionnaires");
    revalidatePath(`/questionnaires/${input.questionnaireId}`);
    return result;
  },
});

export const answerQuestionnaireAction = defineAction({
  name: "questionnaires.answer",
  policy: "questionnaires.answer",
  schema: ZAnswerQuestionnaire,
  async handler({ input, user }) {
    const result = await answerQuestionnaire(db(), user, input);
    revalidatePath("/enterprise");
    revalidatePath(`/questionnaires/${input.questionnaireId}/answer`);
    return result;
  },
});
