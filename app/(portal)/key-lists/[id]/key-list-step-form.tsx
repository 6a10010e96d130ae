"use client";

import { useTranslations } from "next-intl";
import { StepButtonForm } from "@/components/forms/step-button-form";
import { assignKeyListAction, closeKeyListAction } from "../actions";

/** Hand the list to the banks, or close it, on the version the page showed. */
export function KeyListStepForm({ step, listId, version }: { step: "assign" | "close"; listId: string; version: number }) {
  const t = useTranslations("keyLists");
  return (
    <StepButtonForm
      t={t}
      action={step === "assign" ? assignKeyListAction : closeKeyListAction}
      hint={t(`steps.${step}Hint`)}
      label={t(`steps.${step}`)}
      hidden={{ listId, version }}
      testId={`key-list-${step}`}
    />
  );
}
