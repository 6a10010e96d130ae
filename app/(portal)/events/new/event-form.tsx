"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { CheckboxListField } from "@/components/ui/checkbox-list-field";
import { MatchEventType } from "@/lib/generated/prisma/enums";
import type { TEventFormOptions } from "@/lib/events/queries/get-event-form-options";
import { EVENT_LIMITS } from "@/lib/events/schemas";
import type { TActionResult } from "@/lib/server/action";
import { createEventAction } from "../actions";

// The organiser sets the type, title, park (the offices; a park window's events are in its
// own park), Beijing day and time, place or online, capacity and who takes part.
export function EventForm({ options }: { options: TEventFormOptions }) {
  const t = useTranslations("events");
  const [state, formAction, pending] = useActionState<TActionResult<{ eventId: string }> | null, FormData>(createEventAction, null);
  const fields = useFields({ type: MatchEventType.MATCHMAKING, parkId: "", time: "09:30" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);

  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800" data-testid="event-created">
          {t("form.created")}
        </p>
        <Link href={`/events/${state.data.eventId}`} className="text-brand-700 underline">
          {t("form.open")}
        </Link>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <FieldGroup title={t("form.sectionEvent")}>
        <SelectField
          {...fields.bind("type")}
          label={t("form.type")}
          options={Object.values(MatchEventType).map((v) => ({ value: v, label: t(`types.${v}`) }))}
          error={errors.field("type")}
          required
        />
        <TextField
          {...fields.bind("title")}
          label={t("form.eventTitle")}
          maxLength={EVENT_LIMITS.title}
          error={errors.field("title")}
          required
        />
        <TextAreaField
          {...fields.bind("description")}
          label={t("form.description")}
          maxLength={EVENT_LIMITS.description}
          rows={3}
          error={errors.field("description")}
        />
        {options.parks.length > 0 && (
          <SelectField
            {...fields.bind("parkId")}
            label={t("form.park")}
            options={[{ value: "", label: t("cityWide") }, ...options.parks.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.field("parkId")}
          />
        )}
      </FieldGroup>
      <FieldGroup title={t("form.sectionWhen")}>
        <TextField {...fields.bind("day")} type="date" label={t("form.day")} error={errors.field("day")} required />
        <TextField {...fields.bind("time")} type="time" label={t("form.time")} maxLength={5} error={errors.field("time")} required />
        <TextField
          {...fields.bind("place")}
          label={t("form.place")}
          hint={t("form.placeHint")}
          maxLength={EVENT_LIMITS.place}
          error={errors.field("place")}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="online" value="on" />
          {t("form.online")}
        </label>
        <TextField
          {...fields.bind("capacity")}
          type="number"
          inputMode="numeric"
          min={1}
          label={t("form.capacity")}
          error={errors.field("capacity")}
          required
        />
      </FieldGroup>
      <FieldGroup title={t("form.sectionParticipants")}>
        <CheckboxListField
          name="participantOrgIds"
          legend={t("form.participants")}
          hint={t("form.participantsHint")}
          hintId="event-participants-hint"
          options={options.participants}
          error={errors.field("participantOrgIds")}
        />
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
