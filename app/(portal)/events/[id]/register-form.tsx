"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { EVENT_LIMITS } from "@/lib/events/schemas";
import type { TActionResult } from "@/lib/server/action";
import { registerForEventAction } from "../actions";

// Sign-up on a phone: who comes and a mobile to reach them; the seat is taken on submit.
export function RegisterForm({ eventId }: { eventId: string }) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<{ registrationId: string }> | null, FormData>(registerForEventAction, null);
  const fields = useFields({});
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p
        role="status"
        className="rounded-lg bg-white p-4 font-medium text-green-800 shadow-sm ring-1 ring-slate-200"
        data-testid="event-registered"
      >
        {t("register.done")}
      </p>
    );
  }
  return (
    <form
      ref={focusScope}
      action={run}
      onSubmit={keepValuesOnSubmit(run)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="event-register"
      noValidate
    >
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="eventId" value={eventId} />
      <TextField
        {...fields.bind("contactName")}
        label={t("register.contactName")}
        maxLength={EVENT_LIMITS.contactName}
        autoComplete="name"
        error={errors.field("contactName")}
        required
      />
      <TextField
        {...fields.bind("contactPhone")}
        type="tel"
        inputMode="tel"
        label={t("register.contactPhone")}
        maxLength={40}
        autoComplete="tel"
        error={errors.field("contactPhone")}
        required
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("register.submit")}
      </Button>
    </form>
  );
}
