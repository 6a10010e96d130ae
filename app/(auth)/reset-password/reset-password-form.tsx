"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState<TActionResult<void> | null, FormData>(resetPasswordAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const linkError = errors.field("token");
  return (
    <form ref={focusScope} action={action} className="space-y-4" noValidate>
      <RequiredNote />
      {/* A refused link (used, expired, replaced) has no field to correct: the alert takes focus and offers a new link. */}
      <FormAlert
        message={linkError ?? errors.form}
        fieldErrors={linkError ? 0 : errors.fieldCount}
        next={
          linkError && (
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              {t("requestAgain")}
            </Link>
          )
        }
      />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        error={errors.field("newPassword")}
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        error={errors.field("confirmPassword")}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
