"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { TActionResult } from "@/lib/server/action";
import { setEvaluationRulesAction } from "./actions";

// The same limit as ZSetEvaluationRulesInput's rules text.
const RULES_TEXT_MAX = 10_000;

/** The open evaluation's rules as JSON, editable until the first score (finance office administrator). */
export function RulesForm({ evaluationId, rulesVersion, rulesJson }: { evaluationId: string; rulesVersion: number; rulesJson: string }) {
  const t = useTranslations("evaluation");
  const [state, action, pending] = useActionState<TActionResult<{ rulesVersion: number }> | null, FormData>(setEvaluationRulesAction, null);
  const formRef = useFocusFirstError(state);
  const errors = useFormErrors(state, t);
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label={t("rules.edit")}>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <RequiredNote />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="rulesVersion" value={rulesVersion} />
      <TextAreaField
        name="rules"
        label={t("rules.edit")}
        hint={t("rules.editHint")}
        required
        rows={14}
        className="font-mono text-sm"
        maxLength={RULES_TEXT_MAX}
        defaultValue={rulesJson}
        error={errors.field("rules")}
      />
      <Button type="submit" pending={pending}>
        {t("rules.save")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("rules.saved", { version: state.data.rulesVersion })}
        </p>
      )}
    </form>
  );
}
