"use client";

import Link from "next/link";
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
import { CheckboxListField } from "@/components/ui/checkbox-list-field";
import type { TVisitFormOptions } from "@/lib/visits/queries/get-visit-form-options";
import { VISIT_LIMITS } from "@/lib/visits/schemas";
import type { TActionResult } from "@/lib/server/action";
import { recordVisitAction } from "../actions";

type TResult = { visitId: string; leaderMismatch: boolean };

// The park window picks the bank (the bank picks the park), the day, the leading
// president (the first responsible person on file is shown; another name is flagged, not
// refused), who took part, the enterprises by USCC and the findings, one a line.
export function VisitForm({ options, side }: { options: TVisitFormOptions; side: "park" | "bank" }) {
  const t = useTranslations("visits");
  const [state, formAction, pending] = useActionState<TActionResult<TResult> | null, FormData>(recordVisitAction, null);
  const fields = useFields({ counterpartId: options.counterparts[0]?.id ?? "" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const chosen = options.counterparts.find((c) => c.id === fields.values.counterpartId);

  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800" data-testid="visit-recorded">
          {t("form.recorded")}
        </p>
        {state.data.leaderMismatch && <p className="text-sm text-amber-800">{t("form.recordedFlagged")}</p>}
        <Link href={`/visits/${state.data.visitId}`} className="text-brand-700 underline">
          {t("form.open")}
        </Link>
      </div>
    );
  }

  if (options.counterparts.length === 0) return <p className="text-slate-700">{t("form.noPairings")}</p>;

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <FieldGroup title={t("form.sectionVisit")}>
        <SelectField
          {...fields.bind("counterpartId")}
          label={side === "park" ? t("form.bank") : t("form.park")}
          options={options.counterparts.map((c) => ({ value: c.id, label: `${c.name}（${t(`roles.${c.role}`)}）` }))}
          error={errors.field("counterpartId")}
          required
        />
        <TextField {...fields.bind("visitedOn")} type="date" label={t("form.visitedOn")} error={errors.field("visitedOn")} required />
        <TextField
          {...fields.bind("leaderName")}
          label={t("form.leaderName")}
          hint={chosen?.firstPersonName ? t("form.leaderHint", { name: chosen.firstPersonName }) : t("form.leaderNoContact")}
          maxLength={VISIT_LIMITS.leaderName}
          autoComplete="off"
          error={errors.field("leaderName")}
          required
        />
      </FieldGroup>
      <FieldGroup title={t("form.sectionWho")}>
        <CheckboxListField
          name="participantOrgIds"
          legend={t("form.participants")}
          hint={t("form.participantsHint")}
          hintId="participants-hint"
          options={options.participants}
          error={errors.field("participantOrgIds")}
        />
        <TextField
          {...fields.bind("participantsNote")}
          label={t("form.participantsNote")}
          maxLength={VISIT_LIMITS.participantsNote}
          error={errors.field("participantsNote")}
        />
        <TextAreaField
          {...fields.bind("enterprises")}
          label={t("form.enterprises")}
          hint={t("form.enterprisesHint")}
          maxLength={VISIT_LIMITS.enterprises}
          rows={3}
          error={errors.field("enterprises")}
        />
      </FieldGroup>
      <FieldGroup title={t("form.sectionFindings")}>
        <TextAreaField
          {...fields.bind("summary")}
          label={t("form.summary")}
          maxLength={VISIT_LIMITS.participantsNote}
          rows={2}
          error={errors.field("summary")}
        />
        <TextAreaField
          {...fields.bind("findings")}
          label={t("form.findings")}
          hint={t("form.findingsHint")}
          maxLength={VISIT_LIMITS.findings}
          rows={5}
          error={errors.field("findings")}
        />
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
