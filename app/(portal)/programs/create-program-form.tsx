"use client";

import { RequiredNote } from "@/components/forms/required-note";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TCreatedProgram } from "@/lib/programs/mutations/create-program";
import { DEFAULT_RULES, PROGRAM_LEVELS, RULE_KEYS } from "@/lib/programs/rules";
import type { TActionResult } from "@/lib/server/action";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useFields } from "@/components/forms/use-fields";
import { createProgramAction } from "./actions";
import { LeadUnitsAndDescriptionFields, NameAndDocNumberFields, PhaseFields, RuleFields } from "./program-fields";
import { FieldGroup } from "@/components/ui/field-group";

// "Create another" starts a fresh form.
export function CreateProgramForm({ defaultYear }: { defaultYear: number }) {
  const [round, setRound] = useState(0);
  return <CreateProgramRound key={round} defaultYear={defaultYear} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateProgramRound({ defaultYear, onAnother }: { defaultYear: number; onAnother: () => void }) {
  const t = useTranslations("programs");
  const [state, action, pending] = useActionState<TActionResult<TCreatedProgram> | null, FormData>(createProgramAction, null);
  const fields = useFields({
    level: "CITY",
    year: String(defaultYear),
    ...Object.fromEntries(RULE_KEYS.map((k) => [k, String(DEFAULT_RULES[k])])),
  });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium text-green-800">
          {t("form.done", { name: fields.values.name ?? "" })}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={`/programs/${state.data.programId}`} className="text-brand-700 underline">
            {t("form.view")}
          </Link>
          <button type="button" onClick={onAnother} className="text-brand-700 underline">
            {t("form.another")}
          </button>
        </p>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <FieldGroup title={t("form.sectionProgram")}>
        <NameAndDocNumberFields fields={fields} errors={errors} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            {...fields.bind("level")}
            label={t("form.level")}
            options={PROGRAM_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            error={errors.field("level")}
          />
          <TextField
            {...fields.bind("year")}
            label={t("form.year")}
            hint={t("form.yearHint")}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            error={errors.field("year")}
            required
          />
        </div>
        <LeadUnitsAndDescriptionFields fields={fields} errors={errors} />
      </FieldGroup>
      <FieldGroup title={t("form.sectionPhases")} hint={t("form.phasesHint")}>
        <PhaseFields fields={fields} errors={errors} />
      </FieldGroup>
      <FieldGroup title={t("form.sectionRules")}>
        <RuleFields fields={fields} errors={errors} />
      </FieldGroup>
      <Button type="submit" disabled={pending} className="w-full">
        {t("form.submit")}
      </Button>
    </form>
  );
}
