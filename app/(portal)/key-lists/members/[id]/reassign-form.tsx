"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { TActionResult } from "@/lib/server/action";
import { reassignKeyMemberAction } from "../../actions";

/** The finance office moves the member to another bank. */
export function ReassignForm({
  memberId,
  banks,
  current,
}: {
  memberId: string;
  banks: { id: string; name: string }[];
  current: string | null;
}) {
  const t = useTranslations("keyLists");
  const [state, run, pending] = useActionState<TActionResult<unknown> | null, FormData>(reassignKeyMemberAction, null);
  const fields = useFields({ bankOrgId: current ?? "" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={run}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid="key-reassign-form"
    >
      <h2 className="text-base font-medium">{t("reassign.title")}</h2>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("reassign.done")}
        </p>
      )}
      <input type="hidden" name="memberId" value={memberId} />
      <SelectField
        {...fields.bind("bankOrgId")}
        label={t("reassign.bank")}
        placeholder={t("reassign.choose")}
        options={banks.map((b) => ({ value: b.id, label: b.name }))}
        error={errors.field("bankOrgId")}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("reassign.submit")}
      </Button>
    </form>
  );
}
