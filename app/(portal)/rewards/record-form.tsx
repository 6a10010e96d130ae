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
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { BASIS_MAX, MEASURE_MAX, OFFICE_MAX } from "@/lib/rewards/schemas";
import type { TActionResult } from "@/lib/server/action";
import { recordRewardRestrictionAction } from "./actions";

type TOption = { value: string; label: string };

/** A new register entry (finance administrator): never an edit; a correction supersedes. */
export function RecordForm({
  programId,
  banks,
  annuals,
  entries,
}: {
  programId: string;
  banks: TOption[];
  annuals: TOption[];
  entries: TOption[];
}) {
  const t = useTranslations("rewards");
  const [state, action, pending] = useActionState<TActionResult<{ id: string }> | null, FormData>(recordRewardRestrictionAction, null);
  const fields = useFields({ kind: "RESTRICTION" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="programId" value={programId} />
      <RequiredNote />
      <FieldGroup title={t("form.title")} hint={t("form.hint")}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            {...fields.bind("bankOrgId")}
            label={t("form.bank")}
            placeholder={t("form.choose")}
            options={banks}
            error={errors.field("bankOrgId")}
            required
          />
          <SelectField
            {...fields.bind("kind")}
            label={t("form.kind")}
            options={[
              { value: "RESTRICTION", label: t("kinds.RESTRICTION") },
              { value: "REWARD", label: t("kinds.REWARD") },
            ]}
            error={errors.field("kind")}
            required
          />
          <TextField
            {...fields.bind("measure")}
            maxLength={MEASURE_MAX}
            label={t("form.measure")}
            hint={t("form.measureHint")}
            error={errors.field("measure")}
            required
          />
          <TextField
            {...fields.bind("issuingOffice")}
            maxLength={OFFICE_MAX}
            label={t("form.issuingOffice")}
            error={errors.field("issuingOffice")}
            required
          />
          <TextField {...fields.bind("issuedOn")} type="date" label={t("form.issuedOn")} error={errors.field("issuedOn")} required />
          <SelectField
            {...fields.bind("rankingId")}
            label={t("form.ranking")}
            placeholder={t("form.none")}
            options={annuals}
            error={errors.field("rankingId")}
          />
          <SelectField
            {...fields.bind("supersedesId")}
            label={t("form.supersedes")}
            hint={t("form.supersedesHint")}
            placeholder={t("form.none")}
            options={entries}
            error={errors.field("supersedesId")}
          />
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" name="withdrawn" value="on" />
            {t("form.withdrawn")}
          </label>
        </div>
        <TextAreaField
          {...fields.bind("basis")}
          maxLength={BASIS_MAX}
          label={t("form.basis")}
          hint={t("form.basisHint")}
          error={errors.field("basis")}
          required
        />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-green-800">
            {t("form.done")}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {t("form.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}
