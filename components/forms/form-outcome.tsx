"use client";

import { FormAlert } from "./form-alert";

/**
 * What a form says after it was sent: `done` (a status line) once it went through, else the
 * refusal (FormAlert: the form's message or how many fields need changing), else nothing.
 */
export function FormOutcome({
  state,
  done,
  form,
  fieldErrors,
}: {
  state: { ok: boolean } | null;
  done: string;
  form?: string;
  fieldErrors?: number;
}) {
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {done}
      </p>
    );
  return <FormAlert message={form} fieldErrors={fieldErrors} />;
}
