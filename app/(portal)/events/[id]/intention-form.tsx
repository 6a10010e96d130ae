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
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { EVENT_LIMITS } from "@/lib/events/schemas";
import type { TActionResult } from "@/lib/server/action";
import { recordIntentionAction } from "../actions";

// A participating bank records, per attending enterprise, the amount it intends to lend
// and what is signed so far (万元 on the form, fen stored); recording again updates it.
export function IntentionForm({ eventId, attendees }: { eventId: string; attendees: { id: string; name: string }[] }) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<{ intentionId: string }> | null, FormData>(recordIntentionAction, null);
  const fields = useFields({ enterpriseId: attendees[0]?.id ?? "" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (attendees.length === 0) return <p className="text-sm text-slate-600">{t("intention.noAttendees")}</p>;
  return (
    <form
      ref={focusScope}
      action={run}
      onSubmit={keepValuesOnSubmit(run)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="intention-form"
      noValidate
    >
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <p role="status" className="font-medium text-green-800" data-testid="intention-recorded">
          {t("intention.done")}
        </p>
      )}
      <input type="hidden" name="eventId" value={eventId} />
      <SelectField
        {...fields.bind("enterpriseId")}
        label={t("intention.enterprise")}
        options={attendees.map((a) => ({ value: a.id, label: a.name }))}
        error={errors.field("enterpriseId")}
        required
      />
      <TextField
        {...fields.bind("intendedFen")}
        inputMode="decimal"
        label={t("intention.intended")}
        error={errors.field("intendedFen")}
        required
      />
      <TextField {...fields.bind("signedFen")} inputMode="decimal" label={t("intention.signed")} error={errors.field("signedFen")} />
      <TextField
        {...fields.bind("termMonths")}
        type="number"
        inputMode="numeric"
        min={1}
        label={t("intention.termMonths")}
        error={errors.field("termMonths")}
      />
      <TextField {...fields.bind("note")} label={t("intention.note")} maxLength={EVENT_LIMITS.note} error={errors.field("note")} />
      <Button type="submit" disabled={pending}>
        {t("intention.submit")}
      </Button>
    </form>
  );
}
