"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { confirmVisitAction } from "../actions";

/** The other side confirms the record as written (the version it saw). */
export function ConfirmVisitForm({ visitId, version }: { visitId: string; version: number }) {
  const t = useTranslations("visits");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(confirmVisitAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={run}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="confirm-visit"
    >
      <p className="text-sm text-slate-700">{t("confirmHint")}</p>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="visitId" value={visitId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending}>
        {t("confirm")}
      </Button>
    </form>
  );
}
