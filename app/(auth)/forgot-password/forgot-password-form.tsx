"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { requestPasswordResetAction } from "./actions";
import type { TForgotPasswordState } from "./forgot-password-state";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState<TActionResult<TForgotPasswordState> | null, FormData>(requestPasswordResetAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok && state.data.sent) {
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("sent")}
      </p>
    );
  }
  const throttled = state?.ok && !state.data.sent ? t("errors.rateLimited", { minutes: state.data.retryMinutes }) : undefined;
  return (
    <form ref={focusScope} action={action} className="space-y-4" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
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
