"use client";

import { RequiredNote } from "@/components/forms/required-note";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import type { TRulesChanged } from "@/lib/programs/mutations/change-program-rules";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useFields } from "@/components/forms/use-fields";
import { changeProgramRulesAction, updateProgramAction } from "../actions";
import { LeadUnitsAndDescriptionFields, NameAndDocNumberFields, PhaseFields, RuleFields } from "../program-fields";
import { FieldGroup } from "@/components/ui/field-group";

function Done({ message }: { message: string }) {
  return (
    <p role="status" className="text-green-800">
      {message}
    </p>
  );
}

/** Name, 文号, lead units, description and phase dates. */
export function EditProgramForm({ programId, initial }: { programId: string; initial: Record<string, string> }) {
  const t = useTranslations("programs");
  const [state, action, pending] = useActionState<TActionResult<void> | null, FormData>(updateProgramAction, null);
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="programId" value={programId} />
      <RequiredNote />
      <FieldGroup title={t("edit.title")} hint={t("edit.hint")}>
        <NameAndDocNumberFields fields={fields} errors={errors} />
        <LeadUnitsAndDescriptionFields fields={fields} errors={errors} />
        <PhaseFields fields={fields} errors={errors} />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && <Done message={t("edit.done")} />}
        <Button type="submit" disabled={pending}>
          {t("edit.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}

/** A change of rules: always a new version, based on the one shown. */
export function ChangeRulesForm({ programId, version, initial }: { programId: string; version: number; initial: Record<string, string> }) {
  const t = useTranslations("programs");
  const [state, action, pending] = useActionState<TActionResult<TRulesChanged> | null, FormData>(changeProgramRulesAction, null);
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="basedOnVersion" value={String(version)} />
      <RequiredNote />
      <FieldGroup title={t("changeRules.title")} hint={`${t("changeRules.hint", { next: version + 1 })} ${t("detail.rulesNote")}`}>
        <RuleFields fields={fields} errors={errors} />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && <Done message={t("changeRules.done", { version: state.data.version })} />}
        <Button type="submit" disabled={pending}>
          {t("changeRules.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}
