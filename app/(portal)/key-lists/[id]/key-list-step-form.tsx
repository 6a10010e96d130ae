"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { assignKeyListAction, closeKeyListAction } from "../actions";

/** Hand the list to the banks, or close it, on the version the page showed. */
export function KeyListStepForm({ step, listId, version }: { step: "assign" | "close"; listId: string; version: number }) {
  const t = useTranslations("keyLists");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(
    step === "assign" ? assignKeyListAction : closeKeyListAction,
    null,
  );
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={run}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid={`key-list-${step}`}
    >
      <p className="text-sm text-slate-700">{t(`steps.${step}Hint`)}</p>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending}>
        {t(`steps.${step}`)}
      </Button>
    </form>
  );
}
