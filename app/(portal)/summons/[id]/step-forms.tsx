"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AcceptOrReturnForms } from "@/components/forms/accept-or-return-forms";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
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
        <FormOutcome state={state} done={t(`file.${kind}.done`)} form={errors.form} fieldErrors={errors.fieldCount} />
      </div>
    </form>
  );
}

/** The finance office accepts the plan (or the completion report), or returns it with a reason. */
export function ReviewForms({ kind, summonsId, version }: { kind: "plan" | "completion"; summonsId: string; version: number }) {
  const t = useTranslations("summons");
  return (
    <AcceptOrReturnForms
      t={t}
      labels={{
        title: t(`review.${kind}.title`),
        accept: t(`review.${kind}.accept`),
        giveBack: t(`review.${kind}.return`),
        accepted: t("review.accepted"),
        returned: t("review.returned"),
        reason: t("review.reason"),
        reasonHint: t("review.reasonHint"),
      }}
      hidden={{ summonsId, version }}
      accept={kind === "plan" ? acceptSummonsPlanAction : acceptSummonsCompletionAction}
      giveBack={kind === "plan" ? returnSummonsPlanAction : returnSummonsCompletionAction}
      reasonMax={SUMMONS_SHORT_TEXT_MAX}
      testId={`review-${kind}`}
    />
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
      <FormOutcome state={state} done={t("cosign.done")} form={errors.form} />
    </form>
  );
}
