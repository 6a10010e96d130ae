"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { raiseIntentionRequestAction } from "../actions";

// One click: the bank's intention becomes the enterprise's financing item, submitted to
// its park's window like one it wrote itself.
export function RaiseRequestForm({ intentionId }: { intentionId: string }) {
  const t = useTranslations("events");
  const [state, run, pending] = useActionState<TActionResult<{ requestId: string; serial: string }> | null, FormData>(
    raiseIntentionRequestAction,
    null,
  );
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-green-800" data-testid="intention-raised">
        {t("raise.done")}{" "}
        <Link href={`/requests/${state.data.requestId}`} className="text-brand-700 underline">
          {state.data.serial}
        </Link>
      </p>
    );
  }
  return (
    <form ref={focusScope} action={run} className="space-y-2" data-testid="raise-intention">
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="intentionId" value={intentionId} />
      <Button type="submit" disabled={pending}>
        {t("raise.submit")}
      </Button>
    </form>
  );
}
