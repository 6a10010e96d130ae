"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { RequiredNote } from "@/components/forms/required-note";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { confirmTotpAction } from "../actions";

export function TotpForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<TActionResult<{ recoveryCodes: string[] }> | null, FormData>(confirmTotpAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <section aria-labelledby="recovery-title" className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800">
          {t("totpEnabled")}
        </p>
        <h2 id="recovery-title" className="text-lg font-medium">
          {t("recoveryTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("recoveryHint")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono" data-testid="recovery-codes">
          {state.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Link href="/" className="inline-block rounded-md bg-brand-600 px-4 py-2 text-white">
          {t("continue")}
        </Link>
      </section>
    );
  }
  return (
    <form ref={focusScope} action={action} className="space-y-4" noValidate>
      <RequiredNote />
      <TextField
        name="code"
        label={t("totpCode")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={errors.field("code")}
        required
      />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("totpEnable")}
      </Button>
    </form>
  );
}
