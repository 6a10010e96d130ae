"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { z } from "zod";
import { endSession } from "@/lib/accounts/mutations/end-sessions";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { defineAction } from "@/lib/server/action";
import { signOut } from "@/lib/server/auth/config";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const signOutAction = defineAction({
  name: "auth.signOut",
  policy: "signedIn",
  schema: z.object({}),
  async handler({ user }) {
    await db().$transaction(async (tx) => {
      await endSession(tx, user.sessionId, "signOut");
      await writeAudit(tx, {
        action: "auth.signOut",
        actorUserId: user.userId,
        actorOrgId: user.orgId,
        targetType: "Session",
        targetId: user.sessionId,
        ...(await requestMeta()),
      });
    });
    await signOut({ redirect: false });
    redirect("/sign-in");
  },
});
