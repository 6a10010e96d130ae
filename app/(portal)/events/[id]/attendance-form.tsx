"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { recordAttendanceAction } from "../actions";

// After the event the organiser ticks who came and closes it as held; banks then record
// their intentions with the enterprises ticked.
export function AttendanceForm({
  eventId,
  version,
  registrations,
}: {
  eventId: string;
  version: number;
  registrations: { id: string; name: string }[];
}) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<{ attended: number }> | null, FormData>(recordAttendanceAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="font-medium text-green-800" data-testid="attendance-recorded">
        {t("attendance.done", { attended: state.data.attended })}
      </p>
    );
  }
  return (
    <form
      ref={focusScope}
      action={run}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="attendance-form"
    >
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("attendance.legend")}</legend>
        {registrations.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{t("attendance.none")}</p>
        ) : (
          <div className="mt-2 grid grid-cols-1 gap-y-1 sm:grid-cols-2">
            {registrations.map((r) => (
              <label key={r.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="attendedIds" value={r.id} defaultChecked />
                {r.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("attendance.submit")}
      </Button>
    </form>
  );
}
