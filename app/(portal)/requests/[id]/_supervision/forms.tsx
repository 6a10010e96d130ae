"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TSupervisionStep } from "@/lib/requests/panel-steps";
import { TextAreaField } from "@/components/ui/text-area-field";
import { StepForm } from "../step-form";
import { assignRequestAction, checkWithdrawalAction, closeOutRequestAction, remindRequestAction, ruleOnDisputeAction } from "./actions";

type TOption = { value: string; label: string };
type TProps = { requestId: string; version: number; steps: TSupervisionStep[]; banks: TOption[]; defaultDeadlineDays: number };

export function SupervisionForms({ requestId, version, steps, banks, defaultDeadlineDays }: TProps) {
  const t = useTranslations("supervision");
  const common = { requestId, version };
  return (
    <div className="grid gap-4">
      {steps.includes("remind") && (
        <StepForm {...common} action={remindRequestAction} title={t("remind.title")} submitLabel={t("remind.submit")} testId="form-remind">
          {(field) => <TextAreaField name="note" label={t("remind.note")} hint={t("optional")} maxLength={500} error={field("note")} />}
        </StepForm>
      )}
      {steps.includes("assign") && (
        <StepForm
          {...common}
          action={assignRequestAction}
          title={t("assign.title")}
          submitLabel={t("assign.submit")}
          testId="form-assign"
          requiredNote
        >
          {(field) => (
            <>
              <SelectField
                name="bankOrgId"
                label={t("assign.bank")}
                options={banks}
                placeholder={t("choose")}
                error={field("bankOrgId")}
                required
              />
              <TextField
                name="deadlineDays"
                type="number"
                min={1}
                max={20}
                defaultValue={defaultDeadlineDays}
                label={t("assign.deadlineDays")}
                hint={t("assign.deadlineDaysHint", { days: defaultDeadlineDays })}
                error={field("deadlineDays")}
                required
              />
              <TextAreaField name="note" label={t("assign.note")} hint={t("optional")} maxLength={500} error={field("note")} />
            </>
          )}
        </StepForm>
      )}
      {steps.includes("closeOut") && (
        <StepForm
          {...common}
          action={closeOutRequestAction}
          title={t("closeOut.title")}
          submitLabel={t("closeOut.submit")}
          testId="form-close-out"
          requiredNote
        >
          {(field) => (
            <TextAreaField name="explanation" label={t("closeOut.explanation")} maxLength={1000} error={field("explanation")} required />
          )}
        </StepForm>
      )}
      {steps.includes("ruleOnDispute") && (
        <StepForm
          {...common}
          action={ruleOnDisputeAction}
          title={t("ruleOnDispute.title")}
          submitLabel={t("ruleOnDispute.submit")}
          testId="form-rule-on-dispute"
          requiredNote
        >
          {(field) => (
            <>
              <fieldset className="space-y-1">
                <legend className="text-sm font-medium text-slate-700">{t("ruleOnDispute.ruling")}</legend>
                {/* Upheld is preselected: it changes nothing, so a slip of the hand cannot reopen an item. */}
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="upheld" value="true" defaultChecked /> {t("ruleOnDispute.upheld")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="upheld" value="false" /> {t("ruleOnDispute.overruled")}
                </label>
              </fieldset>
              <TextAreaField name="note" label={t("ruleOnDispute.note")} maxLength={500} error={field("note")} required />
            </>
          )}
        </StepForm>
      )}
      {steps.includes("checkWithdrawal") && (
        <StepForm
          {...common}
          action={checkWithdrawalAction}
          title={t("checkWithdrawal.title")}
          submitLabel={t("checkWithdrawal.submit")}
          testId="form-check-withdrawal"
          requiredNote
        >
          {(field) => (
            <>
              <p className="text-sm text-slate-700">{t("checkWithdrawal.intro")}</p>
              <TextAreaField name="note" label={t("checkWithdrawal.note")} maxLength={500} error={field("note")} required />
            </>
          )}
        </StepForm>
      )}
    </div>
  );
}
