"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { finaliseEvaluationAction } from "./actions";

/** "定稿" (finance office administrator): asks once, then freezes the evaluation. */
export function FinaliseButton({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("evaluation");
  const [state, action, pending] = useActionState<TActionResult<{ banks: number; mustRectify: number }> | null, FormData>(
    finaliseEvaluationAction,
    null,
  );
  const formRef = useFocusFirstError(state);
  const errors = useFormErrors(state, t);
  return (
    <form
      ref={formRef}
      action={action}
      className="space-y-2"
      onSubmit={(e) => {
        if (!window.confirm(t("finalise.confirm"))) e.preventDefault();
      }}
    >
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <Button type="submit" pending={pending}>
        {t("finalise.submit")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("finalise.done", { banks: state.data.banks, rectify: state.data.mustRectify })}
        </p>
      )}
    </form>
  );
}
