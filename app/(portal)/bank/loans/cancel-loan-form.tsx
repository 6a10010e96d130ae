"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { LOAN_LIMITS } from "@/lib/loans/schemas";
import type { TActionResult } from "@/lib/server/action";
import { cancelLoanAction } from "./actions";

// A loan recorded by mistake is cancelled with a reason, never edited: the cancellation is
// its own entry, and a corrected loan is recorded anew.
export function CancelLoanForm({ loanId }: { loanId: string }) {
  const t = useTranslations("loans");
  const [state, formAction, pending] = useActionState<TActionResult<{ loanId: string }> | null, FormData>(cancelLoanAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) return <p role="status">{t("cancelDone")}</p>;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t("cancel")}</summary>
      <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="mt-2 space-y-2" noValidate>
        <RequiredNote />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        <input type="hidden" name="loanId" value={loanId} />
        <TextField name="reason" label={t("cancelReason")} maxLength={LOAN_LIMITS.reason} error={errors.field("reason")} required />
        <Button type="submit" disabled={pending}>
          {t("cancelSubmit")}
        </Button>
      </form>
    </details>
  );
}
