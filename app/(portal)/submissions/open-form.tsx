"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { openSubmissionAction } from "./actions";

type TState = TActionResult<{ id: string; created: boolean }> | null;

/** Starts (or finds) the bank's submission for a quarter, then opens it. */
export function OpenSubmissionForm({ programId, quarter, label }: { programId: string; quarter: string; label: string }) {
  const t = useTranslations("submissions");
  const router = useRouter();
  const [state, action, pending] = useActionState<TState, FormData>(openSubmissionAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  useEffect(() => {
    if (state?.ok) router.push(`/submissions/${state.data.id}`);
  }, [state, router]);
  return (
    <form ref={focusScope} action={action} className="space-y-1">
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="quarter" value={quarter} />
      <Button type="submit" disabled={pending || state?.ok} className="px-3 py-1.5 text-sm">
        {t("open.submit")}
        <span className="sr-only"> {label}</span>
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("open.done")}
        </p>
      )}
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
    </form>
  );
}
