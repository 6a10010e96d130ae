"use client";

import { useActionState, useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";

type TState = TActionResult<unknown> | null;
export type TStepAction = (state: TState, formData: FormData) => Promise<TActionResult<unknown>>;
export type TFieldError = (name: string) => string | undefined;

/**
 * One workflow step on the detail page: a titled form that posts the item's id and the
 * version the user saw, shows field errors (codes from "requests.errors"), and on a
 * version conflict says someone else changed the item, with a link that reloads it.
 * After a success the page is revalidated, so the form usually gives way to the next step.
 */
export function StepForm({
  action,
  requestId,
  version,
  title,
  submitLabel,
  testId,
  requiredNote = false,
  children,
}: {
  action: TStepAction;
  requestId: string;
  version: number;
  title: string;
  submitLabel: string;
  testId: string;
  /** The step has a field marked required: explain the mark (RequiredNote). */
  requiredNote?: boolean;
  children?: (field: TFieldError) => ReactNode;
}) {
  const t = useTranslations("requests");
  const td = useTranslations("requestDetail");
  const [state, run, pending] = useActionState<TState, FormData>(action, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const headingId = useId();
  const conflict = state && !state.ok && state.error === "conflict";
  return (
    <section
      ref={focusScope}
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={testId}
    >
      <h3 id={headingId} className="font-medium">
        {title}
      </h3>
      <form action={run} onSubmit={keepValuesOnSubmit(run)} className="space-y-3" noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="version" value={version} />
        {requiredNote && <RequiredNote />}
        {children?.(errors.field)}
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </form>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {td("done")}
        </p>
      )}
      {conflict ? (
        <p role="alert" className="text-sm text-red-700" data-testid="version-conflict">
          {t("errors.conflict")}{" "}
          <a href={`/requests/${requestId}`} className="font-medium underline">
            {td("refresh")}
          </a>
        </p>
      ) : (
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      )}
    </section>
  );
}
