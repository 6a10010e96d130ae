"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { setBankTarget } from "@/lib/targets/mutations/set-bank-target";
import { ZSetBankTargetInput } from "@/lib/targets/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// Targets are the city's split of its credit plan, not tenant data: the permission is the
// whole rule (setBankTarget checks it again and takes the year from the program).
export const setBankTargetAction = defineAction({
  name: "targets.setBankTarget",
  policy: "targets.manage",
  schema: ZSetBankTargetInput,
  async handler({ input, user }) {
    const set = await setBankTarget(db(), user, input, await requestMeta());
    revalidatePath("/targets");
    revalidatePath(`/targets/${input.bankOrgId}`);
    return set;
  },
});
