"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { SUMMONS_SHORT_TEXT_MAX, SUMMONS_TEXT_MAX } from "@/lib/summons/rules";
import type { TActionResult } from "@/lib/server/action";
import {
  acceptSummonsCompletionAction,
  acceptSummonsPlanAction,
  cosignSummonsAction,
  fileSummonsCompletionAction,
  fileSummonsPlanAction,
  returnSummonsCompletionAction,
  returnSummonsPlanAction,
} from "../actions";

type TState = TActionResult<{ id: string; status: string; version: number }> | null;

function Done({ state, text }: { state: TState; text: string }) {
  return state?.ok ? (
    <p role="status" className="text-sm text-green-800">
      {text}
    </p>
  ) : null;
}

/** The bank's rectification plan or completion report (filed, or refiled after a return). */
export function FilingForm({
  kind,
  summonsId,
  version,
  initial,
}: {
  kind: "plan" | "completion";
  summonsId: string;
  version: number;
  initial: string;
}) {
  const t = useTranslations("summons");
  const [state, action, pending] = useActionState<TState, FormData>(
    kind === "plan" ? fileSummonsPlanAction : fileSummonsCompletionAction,
    null,
  );
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fields = useFields({ text: initial });
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid={`file-${kind}-form`}
    >
      <RequiredNote />
      <input type="hidden" name="summonsId" value={summonsId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        {...fields.bind("text")}
        label={t(`file.${kind}.label`)}
        hint={t(`file.${kind}.hint`)}
        rows={6}
        required
        maxLength={SUMMONS_TEXT_MAX}
        error={errors.field("text")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || state?.ok}>
          {t(`file.${kind}.submit`)}
        </Button>
        <Done state={state} text={t(`file.${kind}.done`)} />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      </div>
    </form>
  );
}

/** The finance office accepts the plan (or the completion report), or returns it with a reason. */
export function ReviewForms({ kind, summonsId, version }: { kind: "plan" | "completion"; summonsId: string; version: number }) {
  const t = useTranslations("summons");
  const [accepted, accept, accepting] = useActionState<TState, FormData>(
    kind === "plan" ? acceptSummonsPlanAction : acceptSummonsCompletionAction,
    null,
  );
  const [returned, giveBack, returning] = useActionState<TState, FormData>(
    kind === "plan" ? returnSummonsPlanAction : returnSummonsCompletionAction,
    null,
  );
  const acceptErrors = useFormErrors(accepted, t);
  const acceptFocusScope = useFocusFirstError(accepted);
  const returnErrors = useFormErrors(returned, t);
  const returnFocusScope = useFocusFirstError(returned);
  const reason = useFields();
  const headingId = useId();
  const busy = accepting || returning || accepted?.ok || returned?.ok;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={`review-${kind}`}
    >
      <h2 id={headingId} className="text-xl font-semibold">
        {t(`review.${kind}.title`)}
      </h2>
      <form ref={acceptFocusScope} action={accept} className="space-y-2">
        <input type="hidden" name="summonsId" value={summonsId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" disabled={busy}>
          {t(`review.${kind}.accept`)}
        </Button>
        <Done state={accepted} text={t("review.accepted")} />
        <FormAlert message={acceptErrors.form} />
      </form>
      <form
        ref={returnFocusScope}
        action={giveBack}
        onSubmit={keepValuesOnSubmit(giveBack)}
        className="flex flex-wrap items-end gap-3"
        noValidate
      >
        <input type="hidden" name="summonsId" value={summonsId} />
        <input type="hidden" name="version" value={version} />
        <TextField
          {...reason.bind("reason")}
          label={t("review.reason")}
          hint={t("review.reasonHint")}
          maxLength={SUMMONS_SHORT_TEXT_MAX}
          error={returnErrors.field("reason")}
          className="min-w-72 grow"
        />
        <Button type="submit" disabled={busy} className="bg-red-700 hover:bg-red-800">
          {t(`review.${kind}.return`)}
        </Button>
      </form>
      <Done state={returned} text={t("review.returned")} />
      <FormAlert message={returnErrors.form} fieldErrors={returnErrors.fieldCount} />
    </section>
  );
}

/** The central bank co-signs the record it attended. */
export function CosignForm({ summonsId, version }: { summonsId: string; version: number }) {
  const t = useTranslations("summons");
  const [state, action, pending] = useActionState<TState, FormData>(cosignSummonsAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={action}
      className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="cosign-form"
    >
      <input type="hidden" name="summonsId" value={summonsId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t("cosign.hint")}</p>
      <Button type="submit" disabled={pending || state?.ok}>
        {t("cosign.submit")}
      </Button>
      <Done state={state} text={t("cosign.done")} />
      <FormAlert message={errors.form} />
    </form>
  );
}
