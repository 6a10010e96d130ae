"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { cancelRegistrationAction } from "../actions";

/** The enterprise gives its seat back before the event starts. */
export function CancelRegistrationForm({ eventId }: { eventId: string }) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(cancelRegistrationAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="registration-cancelled">
        {t("register.cancelled")}
      </p>
    );
  }
  return (
    <form ref={focusScope} action={run} className="space-y-2" data-testid="cancel-registration">
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="eventId" value={eventId} />
      <Button type="submit" disabled={pending}>
        {t("register.cancel")}
      </Button>
    </form>
  );
}
