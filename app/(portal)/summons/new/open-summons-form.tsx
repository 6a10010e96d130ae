"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
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
import { RowFields } from "@/components/ui/row-fields";
import { SUMMONS_SHORT_TEXT_MAX, SUMMONS_TEXT_MAX } from "@/lib/summons/rules";
import { measureFieldName } from "@/lib/summons/schemas";
import type { TActionResult } from "@/lib/server/action";
import { openEvaluationSummonsAction, openSummonsAction } from "../actions";

type TState = TActionResult<{ id: string; version: number }> | null;

const MEASURE_ROWS = 3;

/**
 * The summons record, pre-filled with the issues the bulletin (rankingId) or the half-year
 * evaluation (evaluationId) found; opens the record on success.
 */
export function OpenSummonsForm({
  rankingId,
  evaluationId,
  bankOrgId,
  issues,
  today,
}: {
  rankingId?: string;
  evaluationId?: string;
  bankOrgId: string;
  issues: string;
  today: string;
}) {
  const t = useTranslations("summons");
  const router = useRouter();
  const [state, action, pending] = useActionState<TState, FormData>(evaluationId ? openEvaluationSummonsAction : openSummonsAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fields = useFields({ heldOn: today, issues });
  useEffect(() => {
    if (state?.ok) router.push(`/summons/${state.data.id}`);
  }, [state, router]);
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid="open-summons-form"
    >
      <RequiredNote />
      {rankingId && <input type="hidden" name="rankingId" value={rankingId} />}
      {evaluationId && <input type="hidden" name="evaluationId" value={evaluationId} />}
      <input type="hidden" name="bankOrgId" value={bankOrgId} />
      <TextField {...fields.bind("heldOn")} type="date" label={t("open.heldOn")} required error={errors.field("heldOn")} />
      <TextField
        {...fields.bind("attendees")}
        label={t("open.attendees")}
        hint={t("open.attendeesHint")}
        required
        maxLength={SUMMONS_SHORT_TEXT_MAX}
        error={errors.field("attendees")}
      />
      <TextAreaField
        {...fields.bind("issues")}
        label={t("open.issues")}
        rows={5}
        required
        maxLength={SUMMONS_TEXT_MAX}
        error={errors.field("issues")}
      />
      <RowFields
        legend={t("open.measures")}
        hint={t("open.measuresHint")}
        rows={MEASURE_ROWS}
        gridClassName="sm:grid-cols-[1fr_12rem]"
        fields={[
          { key: "text", label: (n) => t("open.measureText", { n }), maxLength: SUMMONS_SHORT_TEXT_MAX },
          { key: "deadline", type: "date", label: (n) => t("open.measureDeadline", { n }) },
        ]}
        nameOf={(key, i) => measureFieldName(key as "text" | "deadline", i)}
        bind={fields.bind}
        error={errors.field}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || state?.ok}>
          {t("open.submit")}
        </Button>
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      </div>
    </form>
  );
}
