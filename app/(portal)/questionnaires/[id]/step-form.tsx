"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { closeQuestionnaireAction, openQuestionnaireAction } from "../actions";

/** Open a draft, or close an open questionnaire early (the version the page showed). */
export function StepForm({ step, questionnaireId, version }: { step: "open" | "close"; questionnaireId: string; version: number }) {
  const t = useTranslations("questionnaires");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(
    step === "open" ? openQuestionnaireAction : closeQuestionnaireAction,
    null,
  );
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={run}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={`questionnaire-${step}`}
    >
      <p className="text-sm text-slate-700">{t(step === "open" ? "detail.openHint" : "detail.closeHint")}</p>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="questionnaireId" value={questionnaireId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending}>
        {t(step === "open" ? "detail.open" : "detail.close")}
      </Button>
    </form>
  );
}
