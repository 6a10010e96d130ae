"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { PLAN_REASON_MAX } from "@/lib/plans/rules";
import type { TActionResult } from "@/lib/server/action";
import { financeReviewPlanAction, parkReviewPlanAction, revisePlanAction } from "../actions";

type TState = TActionResult<{ id: string; status: string; version: number }> | null;

/** The park's or the finance office's decision: approve, or return with a reason. */
export function PlanReviewForm({ who, planId, version }: { who: "park" | "finance"; planId: string; version: number }) {
  const t = useTranslations("plans");
  const [state, action, pending] = useActionState<TState, FormData>(who === "park" ? parkReviewPlanAction : financeReviewPlanAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fields = useFields({});
  const [decision, setDecision] = useState<"approve" | "return">("approve");
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid={`plan-review-${who}`}
    >
      <h2 className="text-lg font-semibold">{who === "park" ? t("review.titlePark") : t("review.titleFinance")}</h2>
      <RequiredNote />
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">{t("review.decision")}</legend>
        {(["approve", "return"] as const).map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`review.${d}`)}
          </label>
        ))}
      </fieldset>
      {decision === "return" && (
        <TextAreaField
          {...fields.bind("reason")}
          label={t("review.reason")}
          hint={t("review.reasonHint")}
          rows={3}
          required
          maxLength={PLAN_REASON_MAX}
          error={errors.field("reason")}
        />
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || state?.ok}>
          {t("review.submit")}
        </Button>
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-sm text-green-800">
            {t("review.done")}
          </p>
        )}
      </div>
    </form>
  );
}

/** The bank starts a new version after the approved one. */
export function PlanReviseForm({ planId, version, approvedNumber }: { planId: string; version: number; approvedNumber: number }) {
  const t = useTranslations("plans");
  const [state, action, pending] = useActionState<TState, FormData>(revisePlanAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="plan-revise"
    >
      <h2 className="text-lg font-semibold">{t("revise.title")}</h2>
      <p className="text-sm text-slate-600">{t("revise.body", { number: approvedNumber })}</p>
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || state?.ok}>
          {t("revise.submit")}
        </Button>
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-sm text-green-800">
            {t("revise.done")}
          </p>
        )}
      </div>
    </form>
  );
}
