"use client";

import { useActionState, useId } from "react";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";

type TState = TActionResult<unknown> | null;
export type TReviewAction = (state: TState, form: FormData) => Promise<TState>;

export type TAcceptOrReturnLabels = {
  title: string;
  intro?: string;
  accept: string;
  giveBack: string;
  accepted: string;
  returned: string;
  reason: string;
  reasonHint: string;
};

/**
 * A reviewer's two answers to something filed (a quarterly return, a rectification plan):
 * accept it, or return it with a reason. `hidden` names the record and the version the
 * reviewer saw; both actions take the same fields plus, for a return, "reason". Error codes
 * are worded by the form's own translator `t` (its "errors" first, then the shared codes).
 */
export function AcceptOrReturnForms({
  t,
  labels,
  hidden,
  accept,
  giveBack,
  reasonMax,
  testId,
}: {
  t: Parameters<typeof useFormErrors>[1];
  labels: TAcceptOrReturnLabels;
  hidden: Record<string, string | number>;
  accept: TReviewAction;
  giveBack: TReviewAction;
  reasonMax: number;
  testId: string;
}) {
  const [accepted, acceptAction, accepting] = useActionState<TState, FormData>(accept, null);
  const [returned, returnAction, returning] = useActionState<TState, FormData>(giveBack, null);
  const acceptErrors = useFormErrors(accepted, t);
  const acceptFocusScope = useFocusFirstError(accepted);
  const returnErrors = useFormErrors(returned, t);
  const returnFocusScope = useFocusFirstError(returned);
  const reason = useFields();
  const headingId = useId();
  // Once either answer has gone through, the page is about to show the new state.
  const busy = accepting || returning || accepted?.ok === true || returned?.ok === true;
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <h2 id={headingId} className="text-xl font-semibold">
        {labels.title}
      </h2>
      {labels.intro ? <p className="text-sm text-slate-700">{labels.intro}</p> : null}
      <form ref={acceptFocusScope} action={acceptAction} className="space-y-2">
        {hiddenInputs}
        <Button type="submit" disabled={busy}>
          {labels.accept}
        </Button>
        <FormOutcome state={accepted} done={labels.accepted} form={acceptErrors.form} />
      </form>
      <form
        ref={returnFocusScope}
        action={returnAction}
        onSubmit={keepValuesOnSubmit(returnAction)}
        className="flex flex-wrap items-end gap-3"
        noValidate
      >
        {hiddenInputs}
        <TextField
          {...reason.bind("reason")}
          label={labels.reason}
          hint={labels.reasonHint}
          maxLength={reasonMax}
          error={returnErrors.field("reason")}
          className="min-w-72 grow"
        />
        <Button type="submit" disabled={busy} className="bg-red-700 hover:bg-red-800">
          {labels.giveBack}
        </Button>
      </form>
      <FormOutcome state={returned} done={labels.returned} form={returnErrors.form} fieldErrors={returnErrors.fieldCount} />
    </section>
  );
}
