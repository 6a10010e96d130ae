"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { RequiredNote } from "@/components/forms/required-note";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { changePasswordAction } from "../actions";

export function PasswordForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<TActionResult<void> | null, FormData>(changePasswordAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fieldError = errors.field;
  return (
    <form ref={focusScope} action={action} className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <TextField
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        error={fieldError("currentPassword")}
        required
      />
      <TextField
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        error={fieldError("newPassword")}
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        error={fieldError("confirmPassword")}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("savePassword")}
      </Button>
    </form>
  );
}
