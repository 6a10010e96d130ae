"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { ZSaveRuleSetInput } from "@/lib/ranking/schemas";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// Scoring rules are the program's published method, not tenant data: the permission is
// the whole rule (saveRuleSet checks it again and re-validates the rules).
export const saveRuleSetAction = defineAction({
  name: "scoring.saveRuleSet",
  policy: "scoring.manage",
  schema: ZSaveRuleSetInput,
  async handler({ input, user }) {
    const saved = await saveRuleSet(db(), user, input, await requestMeta());
    revalidatePath("/scoring");
    return saved;
  },
});
