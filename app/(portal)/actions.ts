"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { recordSignOut } from "@/lib/accounts/mutations/record-sign-out";
import { ZSignOutInput } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/server/action";
import { signOut } from "@/lib/server/auth/config";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const signOutAction = defineAction({
  name: "auth.signOut",
  policy: "signedIn",
  schema: ZSignOutInput,
  async handler({ user }) {
    await recordSignOut(db(), user, await requestMeta());
    await signOut({ redirect: false });
    redirect("/sign-in");
  },
});
