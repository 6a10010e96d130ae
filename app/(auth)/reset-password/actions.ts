"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { resetPasswordWithToken } from "@/lib/accounts/mutations/reset-password-with-token";
import { ZResetPasswordInput } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const resetPasswordAction = defineAction({
  name: "auth.resetPassword",
  policy: "public",
  schema: ZResetPasswordInput,
  async handler({ input }) {
    await resetPasswordWithToken(db(), { token: input.token, newPassword: input.newPassword }, await requestMeta());
    redirect("/sign-in?notice=passwordReset");
  },
});
