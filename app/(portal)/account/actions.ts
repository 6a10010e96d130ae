"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword } from "@/lib/accounts/mutations/change-password";
import { confirmTotpEnrolment } from "@/lib/accounts/mutations/confirm-totp-enrolment";
import { defineAction } from "@/lib/server/action";
import { signOut } from "@/lib/server/auth/config";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
    newPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
    confirmPassword: z.string().min(1, { message: "required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });

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

const ZConfirmTotpInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "totpInvalid" }),
});

export const confirmTotpAction = defineAction({
  name: "account.enableTotp",
  policy: "account.manageTotp",
  schema: ZConfirmTotpInput,
  async handler({ input, user }) {
    return confirmTotpEnrolment(db(), { userId: user.userId, code: input.code }, await requestMeta());
  },
});
