"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { PLAN_MAX, PROFILE_MAX, TARGETS_MAX } from "@/lib/support/rules";
import { saveSupportFileAction } from "./actions";

/** The bank's support file (帮扶档案) of a pairing: created on the first save, then edited. */
export function SupportFileForm({ pairingId, version, initial }: { pairingId: string; version: number; initial: Record<string, string> }) {
  const t = useTranslations("support");
  const [state, action, pending] = useActionState<TActionResult<{ fileId: string; version: number }> | null, FormData>(
    saveSupportFileAction,
    null,
  );
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const shownVersion = state?.ok ? state.data.version : version;
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={String(shownVersion)} />
      <RequiredNote />
      <FieldGroup title={t("file.formTitle")} hint={t("file.formHint")}>
        <TextAreaField
          {...fields.bind("profile")}
          rows={3}
          maxLength={PROFILE_MAX}
          label={t("file.profile")}
          error={errors.field("profile")}
          required
        />
        <TextAreaField
          {...fields.bind("coachingPlan")}
          rows={3}
          maxLength={PLAN_MAX}
          label={t("file.coachingPlan")}
          error={errors.field("coachingPlan")}
          required
        />
        <TextField
          {...fields.bind("creditLineTarget")}
          inputMode="decimal"
          maxLength={20}
          label={t("file.creditLineTarget")}
          hint={t("file.creditLineTargetHint")}
          error={errors.field("creditLineTarget")}
        />
        <TextField
          {...fields.bind("otherTargets")}
          maxLength={TARGETS_MAX}
          label={t("file.otherTargets")}
          error={errors.field("otherTargets")}
        />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-green-800">
            {t("file.saved")}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {t("file.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}
