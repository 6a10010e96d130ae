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
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { COMMENT_MAX } from "@/lib/support/rules";
import { saveSupportAssessmentAction } from "./actions";

type TSaved = { assessmentId: string; version: number; totalScore: number; verdict: string };

/** The year-end assessment of a pairing: three scores (0–100) and a comment. */
export function AssessmentForm({ pairingId, version, initial }: { pairingId: string; version: number; initial: Record<string, string> }) {
  const t = useTranslations("support");
  const [state, action, pending] = useActionState<TActionResult<TSaved> | null, FormData>(saveSupportAssessmentAction, null);
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const shownVersion = state?.ok ? state.data.version : version;
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={String(shownVersion)} />
      <RequiredNote />
      <FieldGroup title={t("assessment.formTitle")} hint={t("assessment.formHint")}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {(["coachingScore", "creditScore", "reportingScore"] as const).map((key) => (
            <TextField
              key={key}
              {...fields.bind(key)}
              inputMode="numeric"
              maxLength={3}
              label={t(`assessment.${key}`)}
              error={errors.field(key)}
              required
            />
          ))}
        </div>
        <TextField {...fields.bind("comment")} maxLength={COMMENT_MAX} label={t("assessment.comment")} error={errors.field("comment")} />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && (
          <p role="status" className="text-green-800">
            {t("assessment.saved", { total: state.data.totalScore, verdict: t(`verdicts.${state.data.verdict}`) })}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {t("assessment.submit")}
        </Button>
      </FieldGroup>
    </form>
  );
}
