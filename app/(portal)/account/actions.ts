"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/accounts/mutations/change-password";
import { confirmTotpEnrolment } from "@/lib/accounts/mutations/confirm-totp-enrolment";
import { ZChangePasswordInput, ZConfirmTotpInput } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/server/action";
import { signOut } from "@/lib/server/auth/config";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const changePasswordAction = defineAction({
  name: "account.changePassword",
  policy: "account.changePassword",
  schema: ZChangePasswordInput,
  async handler({ input, user }) {
    await changePassword(db(), { userId: user.userId, ...input }, await requestMeta());
    await signOut({ redirect: false });
    redirect("/sign-in?notice=passwordChanged");
  },
});

export const confirmTotpAction = defineAction({
  name: "account.enableTotp",
  policy: "account.manageTotp",
  schema: ZConfirmTotpInput,
  async handler({ input, user }) {
    return confirmTotpEnrolment(db(), { userId: user.userId, code: input.code }, await requestMeta());
  },
});
