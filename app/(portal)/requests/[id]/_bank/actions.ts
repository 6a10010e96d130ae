"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { answerRequest, declareUnsolvable, passRequest, signRequest } from "@/lib/requests/mutations/bank-steps";
import { ZAnswer, ZDeclareUnsolvable, ZPass, ZSign } from "@/lib/requests/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The bank's steps on an item. The mutations check that the actor's bank (or a parent of
// it) is the one responsible and that the item's version is still the one the user saw.

function refresh(requestId: string) {
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/bank/inbox");
}

export const signRequestAction = defineAction({
  name: "requests.sign",
  policy: "requests.sign",
  schema: ZSign,
  async handler({ input, user }) {
    const result = await signRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const answerRequestAction = defineAction({
  name: "requests.answer",
  policy: "requests.answer",
  schema: ZAnswer,
  async handler({ input, user }) {
    const result = await answerRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const passRequestAction = defineAction({
  name: "requests.pass",
  policy: "requests.pass",
  schema: ZPass,
  async handler({ input, user }) {
    const result = await passRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const declareUnsolvableAction = defineAction({
  name: "requests.declareUnsolvable",
  policy: "requests.pass",
  schema: ZDeclareUnsolvable,
  async handler({ input, user }) {
    const result = await declareUnsolvable(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});
