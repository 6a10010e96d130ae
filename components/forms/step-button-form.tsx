"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";

type TState = TActionResult<unknown> | null;

/**
 * One step taken with one button (open, hand over, close): a sentence saying what it does,
 * the form's error if the step is refused, and the button. `hidden` names the record and
 * the version the page showed. Error codes are worded by the form's own translator `t`.
 */
export function StepButtonForm({
  t,
  action,
  hint,
  label,
  hidden,
  testId,
}: {
  t: Parameters<typeof useFormErrors>[1];
  action: (state: TState, form: FormData) => Promise<TState>;
  hint: string;
  label: string;
  hidden: Record<string, string | number>;
  testId: string;
}) {
  const [state, run, pending] = useActionState<TState, FormData>(action, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={run} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <p className="text-sm text-slate-700">{hint}</p>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
