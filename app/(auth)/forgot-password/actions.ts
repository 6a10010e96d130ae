"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { requestPasswordReset } from "@/lib/accounts/mutations/request-password-reset";
import { ZRequestPasswordResetInput } from "@/lib/accounts/schemas";
import { minutesUntil } from "@/lib/auth/sign-in-throttle";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";
import type { TForgotPasswordState } from "./forgot-password-state";

export const requestPasswordResetAction = defineAction({
  name: "auth.requestPasswordReset",
  policy: "public",
  schema: ZRequestPasswordResetInput,
  async handler({ input }): Promise<TForgotPasswordState> {
    const now = new Date();
    const result = await requestPasswordReset(db(), input, await requestMeta(), now);
    if (!result.ok) return { sent: false, error: "rateLimited", retryMinutes: minutesUntil(result.retryAt, now) };
    return { sent: true };
  },
});
