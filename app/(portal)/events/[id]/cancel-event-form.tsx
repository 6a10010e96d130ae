"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { cancelEventAction } from "../actions";

/** The organiser calls the event off (the version it saw). */
export function CancelEventForm({ eventId, version }: { eventId: string; version: number }) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(cancelEventAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="event-cancelled">
        {t("cancelEvent.done")}
      </p>
    );
  }
  return (
    <form ref={focusScope} action={run} className="space-y-2" data-testid="cancel-event">
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending}>
        {t("cancelEvent.submit")}
      </Button>
    </form>
  );
}
