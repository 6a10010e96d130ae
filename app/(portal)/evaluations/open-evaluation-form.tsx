"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { TActionResult } from "@/lib/server/action";
import { openEvaluationAction } from "./actions";

/** "开启评估" for a half year of the current program (finance office administrator). */
export function OpenEvaluationForm({ programId, year, defaultHalf }: { programId: string; year: number; defaultHalf: 1 | 2 }) {
  const t = useTranslations("evaluation");
  const [state, action, pending] = useActionState<TActionResult<{ evaluationId: string; banks: number }> | null, FormData>(
    openEvaluationAction,
    null,
  );
  const formRef = useFocusFirstError(state);
  const errors = useFormErrors(state, t);
  return (
    <form ref={formRef} action={action} className="space-y-2" aria-label={t("open.title")}>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <RequiredNote />
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="year" value={year} />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          name="half"
          label={t("open.half")}
          required
          defaultValue={String(defaultHalf)}
          error={errors.field("half")}
          options={[1, 2].map((h) => ({ value: String(h), label: t("periodLabel", { year, half: t(`halves.${h}`) }) }))}
        />
        <Button type="submit" pending={pending} pendingLabel={t("open.pending")}>
          {t("open.submit")}
        </Button>
      </div>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("open.done", { banks: state.data.banks })}
        </p>
      )}
    </form>
  );
}
