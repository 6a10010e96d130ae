"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { RECTIFY_REASON_MAX } from "@/lib/evaluation/schemas";
import type { TActionResult } from "@/lib/server/action";
import { pickRectificationAction } from "./actions";

/** The finance office requires a bank to rectify beyond the threshold (with a reason), or withdraws it. */
export function RectifyForm({
  evaluationId,
  bankOrgId,
  picked,
  reason,
}: {
  evaluationId: string;
  bankOrgId: string;
  picked: boolean;
  reason: string | null;
}) {
  const t = useTranslations("evaluation");
  const [state, action, pending] = useActionState<TActionResult<{ picked: boolean }> | null, FormData>(pickRectificationAction, null);
  const formRef = useFocusFirstError(state);
  const errors = useFormErrors(state, t);
  return (
    <form ref={formRef} action={action} className="space-y-3" aria-label={t("rectify.title")}>
      <h4 className="font-medium">{t("rectify.title")}</h4>
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="bankOrgId" value={bankOrgId} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="picked" defaultChecked={picked} className="size-4" />
        {t("rectify.pick")}
      </label>
      <TextAreaField
        name="reason"
        label={t("rectify.reason")}
        maxLength={RECTIFY_REASON_MAX}
        defaultValue={reason ?? ""}
        error={errors.field("reason")}
      />
      <Button type="submit" pending={pending}>
        {t("rectify.submit")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("rectify.saved")}
        </p>
      )}
    </form>
  );
}
