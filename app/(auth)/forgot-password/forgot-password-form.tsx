"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormErrors } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { requestPasswordResetAction } from "./actions";
import type { TForgotPasswordState } from "./forgot-password-state";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState<TActionResult<TForgotPasswordState> | null, FormData>(requestPasswordResetAction, null);
  const errors = useFormErrors(state, t);
  if (state?.ok && state.data.sent) {
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("sent")}
      </p>
    );
  }
  const throttled = state?.ok && !state.data.sent ? t("errors.rateLimited", { minutes: state.data.retryMinutes }) : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <TextField
        name="login"
        label={t("login")}
        hint={t("loginHint")}
        autoComplete="username"
        error={throttled ?? errors.field("login")}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("send")}
      </Button>
    </form>
  );
}
