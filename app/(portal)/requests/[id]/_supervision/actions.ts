"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { assignRequest, checkWithdrawal, closeOutRequest, remindRequest, ruleOnDispute } from "@/lib/requests/mutations/supervision-steps";
import { ZAssign, ZCheckWithdrawal, ZCloseOut, ZRemind, ZRuleOnDispute } from "@/lib/requests/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The finance office's supervision steps (督办/销号). The central bank branch watches the
// same queue but has no requests.supervise permission: these refuse it.

function refresh(requestId: string) {
  revalidatePath(`/requests/${requestId}`);
  revalidatePath("/supervision");
}

export const assignRequestAction = defineAction({
  name: "requests.assign",
  policy: "requests.supervise",
  schema: ZAssign,
  async handler({ input, user }) {
    const result = await assignRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const remindRequestAction = defineAction({
  name: "requests.remind",
  policy: "requests.supervise",
  schema: ZRemind,
  async handler({ input, user }) {
    const result = await remindRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const closeOutRequestAction = defineAction({
  name: "requests.closeOut",
  policy: "requests.supervise",
  schema: ZCloseOut,
  async handler({ input, user }) {
    const result = await closeOutRequest(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const ruleOnDisputeAction = defineAction({
  name: "requests.ruleOnDispute",
  policy: "requests.supervise",
  schema: ZRuleOnDispute,
  async handler({ input, user }) {
    const result = await ruleOnDispute(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});

export const checkWithdrawalAction = defineAction({
  name: "requests.checkWithdrawal",
  policy: "requests.supervise",
  schema: ZCheckWithdrawal,
  async handler({ input, user }) {
    const result = await checkWithdrawal(db(), user, input);
    refresh(input.requestId);
    return result;
  },
});
