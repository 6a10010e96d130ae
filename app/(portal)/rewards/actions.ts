"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { recordRewardRestriction } from "@/lib/rewards/mutations/record-reward-restriction";
import { ZRecordRewardRestrictionInput } from "@/lib/rewards/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The register is the finance office's record of what the offices decided: the permission
// is the whole rule (recordRewardRestriction checks it again, and the bank, the linked
// annual assessment and the superseded entry inside its transaction).
export const recordRewardRestrictionAction = defineAction({
  name: "rewards.record",
  policy: "rewards.manage",
  schema: ZRecordRewardRestrictionInput,
  async handler({ input, user }) {
    const recorded = await recordRewardRestriction(db(), user, input, await requestMeta());
    revalidatePath("/rewards");
    return recorded;
  },
});
