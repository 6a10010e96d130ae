"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { TargetFigureFields } from "@/components/targets/target-figure-fields";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import type { TBankTargetSet } from "@/lib/targets/mutations/set-bank-target";
import { TARGET_NOTE_MAX } from "@/lib/targets/rules";
import { setBankTargetAction } from "../actions";

/** A change of a bank's target: always a new version, based on the one shown. */
export function TargetForm({
  programId,
  bankOrgId,
  title,
  version,
  initial,
}: {
  programId: string;
  bankOrgId: string;
  title: string;
  version: number | null;
  initial: Record<string, string>;
}) {
  const t = useTranslations("targets");
  const [state, action, pending] = useActionState<TActionResult<TBankTargetSet> | null, FormData>(setBankTargetAction, null);
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const hint = version === null ? t("form.hintFirst") : t("form.hintNext", { version, next: version + 1 });
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="bankOrgId" value={bankOrgId} />
      <input type="hidden" name="basedOnVersion" value={version === null ? "" : String(version)} />
      <RequiredNote />
      <FieldGroup title={title} hint={hint}>
        <TargetFigureFields t={t} fields={fields} errors={errors} countHintOnEach />
        <TextField
          {...fields.bind("note")}
          maxLength={TARGET_NOTE_MAX}
          label={t("form.note")}
          hint={t("form.noteHint")}
          error={errors.field("note")}
        />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-green-800">
            {t("form.done", { version: state.data.version })}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {t("form.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}
