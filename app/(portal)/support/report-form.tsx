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
import type { TActionResult } from "@/lib/server/action";
import type { TSupportReportFiled } from "@/lib/support/mutations/file-support-report";
import { ATTENDEES_MAX, PLAN_MAX, PROGRESS_MAX, TOPICS_MAX } from "@/lib/support/rules";
import { ACTIVITY_KINDS, ACTIVITY_ROWS } from "@/lib/support/schemas";
import { fileSupportReportAction } from "./actions";

/**
 * The monthly report: plan, progress, credit granted and the account manager's visits and
 * coaching sessions. A first filing picks the month; a refiling (after a return, or of a
 * month flagged late) has it fixed and carries the report's version.
 */
export function ReportForm({
  pairingId,
  months,
  version,
  initial,
}: {
  pairingId: string;
  /** The months the bank may file; one month: fixed. */
  months: readonly string[];
  version: number;
  initial: Record<string, string>;
}) {
  const t = useTranslations("support");
  const [state, action, pending] = useActionState<TActionResult<TSupportReportFiled> | null, FormData>(fileSupportReportAction, null);
  const fields = useFields({ month: months[0] ?? "", ...initial });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-green-800">
        {t("report.filed", { revision: state.data.revision })}{" "}
        <a className="text-brand-700 underline" href={`/support/reports/${state.data.reportId}`}>
          {t("report.open")}
        </a>
      </p>
    );
  }
  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="version" value={String(version)} />
      <RequiredNote />
      <FieldGroup title={t("report.formTitle")} hint={t("report.formHint")}>
        {months.length === 1 ? (
          <input type="hidden" name="month" value={months[0]} />
        ) : (
          <SelectField
            {...fields.bind("month")}
            label={t("report.month")}
            options={months.map((m) => ({ value: m, label: m }))}
            error={errors.field("month")}
            required
          />
        )}
        <TextAreaField
          {...fields.bind("plan")}
          rows={3}
          maxLength={PLAN_MAX}
          label={t("report.plan")}
          error={errors.field("plan")}
          required
        />
        <TextAreaField
          {...fields.bind("progress")}
          rows={4}
          maxLength={PROGRESS_MAX}
          label={t("report.progress")}
          error={errors.field("progress")}
          required
        />
        <TextField
          {...fields.bind("creditGranted")}
          inputMode="decimal"
          maxLength={20}
          label={t("report.creditGranted")}
          hint={t("report.creditGrantedHint")}
          error={errors.field("creditGranted")}
        />
      </FieldGroup>
      {Array.from({ length: ACTIVITY_ROWS }, (_, i) => (
        <FieldGroup key={i} title={t("report.activity", { n: i + 1 })} hint={i === 0 ? t("report.activityHint") : undefined}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              {...fields.bind(`a${i}Kind`)}
              label={t("report.activityKind")}
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
              error={errors.field(`a${i}Kind`)}
            />
            <TextField
              {...fields.bind(`a${i}Date`)}
              type="date"
              maxLength={10}
              label={t("report.activityDate")}
              error={errors.field(`a${i}Date`)}
            />
            <TextField
              {...fields.bind(`a${i}Topics`)}
              maxLength={TOPICS_MAX}
              label={t("report.activityTopics")}
              error={errors.field(`a${i}Topics`)}
            />
            <TextField
              {...fields.bind(`a${i}Attendees`)}
              maxLength={ATTENDEES_MAX}
              label={t("report.activityAttendees")}
              error={errors.field(`a${i}Attendees`)}
            />
          </div>
        </FieldGroup>
      ))}
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <Button type="submit" disabled={pending}>
        {t("report.submit")}
      </Button>
    </form>
  );
}
