"use client";

import { useTranslations } from "next-intl";
import { StepButtonForm } from "@/components/forms/step-button-form";
import { closeQuestionnaireAction, openQuestionnaireAction } from "../actions";

/** Open a draft, or close an open questionnaire early (the version the page showed). */
export function StepForm({ step, questionnaireId, version }: { step: "open" | "close"; questionnaireId: string; version: number }) {
  const t = useTranslations("questionnaires");
  return (
    <StepButtonForm
      t={t}
      action={step === "open" ? openQuestionnaireAction : closeQuestionnaireAction}
      hint={t(step === "open" ? "detail.openHint" : "detail.closeHint")}
      label={t(step === "open" ? "detail.open" : "detail.close")}
      hidden={{ questionnaireId, version }}
      testId={`questionnaire-${step}`}
    />
  );
}
