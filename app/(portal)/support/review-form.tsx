"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { TActionResult } from "@/lib/server/action";
import type { TSupportReportReviewed } from "@/lib/support/mutations/review-support-report";
import { REASON_MAX } from "@/lib/support/rules";
import { reviewSupportReportAction } from "./actions";

/** The reviewing office's decision: accept, or return with a reason the bank will see. */
export function ReviewForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("support");
  const [state, action, pending] = useActionState<TActionResult<TSupportReportReviewed> | null, FormData>(reviewSupportReportAction, null);
  const [reason, setReason] = useState("");
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-green-800">
        {t("review.done")}
      </p>
    );
  }
  return (
    <form ref={focusScope} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={String(version)} />
      <RequiredNote />
      <FieldGroup title={t("review.title")} hint={t("review.hint")}>
        <TextAreaField
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={REASON_MAX}
          label={t("review.reason")}
          hint={t("review.reasonHint")}
          error={errors.field("reason")}
        />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        <div className="flex gap-3">
          <Button type="submit" name="decision" value="accept" disabled={pending}>
            {t("review.accept")}
          </Button>
          <Button type="submit" name="decision" value="return" className="bg-red-700 hover:bg-red-800" disabled={pending}>
            {t("review.return")}
          </Button>
        </div>
      </FieldGroup>
    </form>
  );
}
