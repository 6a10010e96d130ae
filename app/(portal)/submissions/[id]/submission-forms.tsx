"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AcceptOrReturnForms } from "@/components/forms/accept-or-return-forms";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { FIGURE_FIELDS, figureFieldName, type TRawFigureRow } from "@/lib/submissions/figures";
import type { TActionResult } from "@/lib/server/action";
import { acceptSubmissionAction, returnSubmissionAction, saveSubmissionAction, submitSubmissionAction } from "../actions";

type TState = TActionResult<{ id: string; status: string; version: string }> | null;
export type TFormPark = { parkId: string; parkName: string; roleLabel: string; values: TRawFigureRow };

const INPUT_MODE: Record<(typeof FIGURE_FIELDS)[number], "decimal" | "numeric"> = {
  loanBalance: "decimal",
  loanIncrement: "decimal",
  borrowers: "numeric",
  firstLoans: "numeric",
  creditLoans: "numeric",
  averageRate: "decimal",
};

/** The bank's figures, one group of fields per paired park (DRAFT or RETURNED). */
export function FiguresForm({ submissionId, version, parks }: { submissionId: string; version: string; parks: TFormPark[] }) {
  const t = useTranslations("submissions");
  const [state, action, pending] = useActionState<TState, FormData>(saveSubmissionAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const initial = Object.fromEntries(parks.flatMap((p) => FIGURE_FIELDS.map((f) => [figureFieldName(p.parkId, f), p.values[f] ?? ""])));
  const fields = useFields(initial);
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-4"
      noValidate
      data-testid="figures-form"
    >
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={version} />
      {parks.map((p) => (
        <fieldset key={p.parkId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`figures-${p.parkId}`}>
          <legend className="px-1 font-medium">
            {p.parkName} <span className="text-sm font-normal text-slate-600">（{p.roleLabel}）</span>
          </legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {FIGURE_FIELDS.map((f) => {
              const name = figureFieldName(p.parkId, f);
              return (
                <TextField
                  key={f}
                  {...fields.bind(name)}
                  label={t(`figures.${f}`)}
                  inputMode={INPUT_MODE[f]}
                  maxLength={24}
                  error={errors.field(name)}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("figures.save")}
        </Button>
        <FormOutcome state={state} done={t("figures.saved")} form={errors.form} fieldErrors={errors.fieldCount} />
      </div>
    </form>
  );
}

/** Hands the submission in; a park left blank comes back as "incomplete". */
export function SubmitForm({ submissionId, version }: { submissionId: string; version: string }) {
  const t = useTranslations("submissions");
  const [state, action, pending] = useActionState<TState, FormData>(submitSubmissionAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={action}
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="submit-form"
    >
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t("figures.submitHint")}</p>
      <Button type="submit" disabled={pending}>
        {t("figures.submit")}
      </Button>
      <FormOutcome state={state} done={t("figures.submitted")} form={errors.form} />
    </form>
  );
}

/** The finance office: accept (freezes) or return with a reason. */
export function ReviewForms({ submissionId, version }: { submissionId: string; version: string }) {
  const t = useTranslations("submissions");
  return (
    <AcceptOrReturnForms
      t={t}
      labels={{
        title: t("review.title"),
        intro: t("review.intro"),
        accept: t("review.accept"),
        giveBack: t("review.return"),
        accepted: t("review.accepted"),
        returned: t("review.returned"),
        reason: t("review.reason"),
        reasonHint: t("review.reasonHint"),
      }}
      hidden={{ submissionId, version }}
      accept={acceptSubmissionAction}
      giveBack={returnSubmissionAction}
      reasonMax={500}
      testId="review-forms"
    />
  );
}
