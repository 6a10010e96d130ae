"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { AnswerKind } from "@/lib/generated/prisma/enums";
import type { TBankStep } from "@/lib/requests/panel-steps";
import { TextAreaField } from "@/components/ui/text-area-field";
import { StepForm, type TFieldError } from "../step-form";
import { answerRequestAction, declareUnsolvableAction, passRequestAction, signRequestAction } from "./actions";

type TOption = { value: string; label: string };
type TProps = { requestId: string; version: number; steps: TBankStep[]; passTargets: TOption[] };

/** The bank's step forms, in the order a liaison works through them. */
export function BankForms({ requestId, version, steps, passTargets }: TProps) {
  const t = useTranslations("requestsBank");
  const common = { requestId, version };
  return (
    <div className="grid gap-4">
      {steps.includes("sign") && (
        <StepForm {...common} action={signRequestAction} title={t("sign.title")} submitLabel={t("sign.submit")} testId="form-sign">
          {() => <p className="text-sm text-slate-700">{t("sign.intro")}</p>}
        </StepForm>
      )}
      {steps.includes("answer") && (
        <StepForm
          {...common}
          action={answerRequestAction}
          title={t("answer.title")}
          submitLabel={t("answer.submit")}
          testId="form-answer"
          requiredNote
        >
          {(field) => <AnswerFields field={field} />}
        </StepForm>
      )}
      {steps.includes("pass") && (
        <StepForm
          {...common}
          action={passRequestAction}
          title={t("pass.title")}
          submitLabel={t("pass.submit")}
          testId="form-pass"
          requiredNote={passTargets.length > 0}
        >
          {(field) =>
            passTargets.length === 0 ? (
              <p className="text-sm text-slate-700">{t("pass.noTargets")}</p>
            ) : (
              <>
                <p className="text-sm text-slate-700">{t("pass.intro")}</p>
                <SelectField
                  name="toBankOrgId"
                  label={t("pass.bank")}
                  options={passTargets}
                  placeholder={t("choose")}
                  error={field("toBankOrgId")}
                  required
                />
                <TextAreaField name="reason" label={t("pass.reason")} maxLength={500} error={field("reason")} required />
              </>
            )
          }
        </StepForm>
      )}
      {steps.includes("declareUnsolvable") && (
        <StepForm
          {...common}
          action={declareUnsolvableAction}
          title={t("unsolvable.title")}
          submitLabel={t("unsolvable.submit")}
          testId="form-unsolvable"
          requiredNote
        >
          {(field) => (
            <>
              <p className="text-sm text-slate-700">{t("unsolvable.intro")}</p>
              <TextAreaField name="reason" label={t("unsolvable.reason")} maxLength={1000} error={field("reason")} required />
            </>
          )}
        </StepForm>
      )}
    </div>
  );
}

const KINDS = [AnswerKind.CAN_DO, AnswerKind.NEEDS_DOCUMENTS, AnswerKind.CANNOT_DO, AnswerKind.GRANTED] as const;

/** The answer's fields follow its kind; names are exactly ZAnswer's. */
function AnswerFields({ field }: { field: TFieldError }) {
  const t = useTranslations("requestsBank.answer");
  const tr = useTranslations("requests");
  const [kind, setKind] = useState<AnswerKind>(AnswerKind.CAN_DO);
  const kindLabel = (k: AnswerKind) => (tr.has(`answerKinds.${k}`) ? tr(`answerKinds.${k}`) : t(`kinds.${k}`));
  return (
    <>
      <SelectField
        name="kind"
        label={t("kind")}
        value={kind}
        onChange={(e) => setKind(e.target.value as AnswerKind)}
        options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        error={field("kind")}
        required
      />
      {kind === AnswerKind.CAN_DO && (
        <>
          <TextAreaField name="conditions" label={t("conditions")} maxLength={1000} error={field("conditions")} required />
          <TextAreaField name="procedure" label={t("procedure")} maxLength={1000} error={field("procedure")} required />
          <TextField
            name="suggestedProducts"
            label={t("suggestedProducts")}
            hint={t("optional")}
            maxLength={500}
            error={field("suggestedProducts")}
          />
        </>
      )}
      {kind === AnswerKind.NEEDS_DOCUMENTS && (
        <TextAreaField
          name="documents"
          label={t("documents")}
          hint={t("documentsHint")}
          maxLength={1000}
          error={field("documents")}
          required
        />
      )}
      {kind === AnswerKind.CANNOT_DO && (
        <TextAreaField name="reason" label={t("reason")} maxLength={1000} error={field("reason")} required />
      )}
      {kind === AnswerKind.GRANTED && <GrantedFields field={field} />}
    </>
  );
}

function GrantedFields({ field }: { field: TFieldError }) {
  const t = useTranslations("requestsBank.answer");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="amountFen" label={t("amount")} inputMode="decimal" maxLength={20} error={field("amountFen")} required />
      <TextField
        name="annualRate"
        label={t("annualRate")}
        inputMode="decimal"
        hint={t("annualRateHint")}
        error={field("annualRate")}
        required
      />
      <TextField name="termMonths" label={t("termMonths")} inputMode="numeric" error={field("termMonths")} required />
      <TextField name="product" label={t("product")} maxLength={100} error={field("product")} required />
      <TextField name="guarantee" label={t("guarantee")} hint={t("optional")} maxLength={200} error={field("guarantee")} />
      <fieldset className="space-y-1 self-end">
        <legend className="sr-only">{t("flags")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isFirstLoan" value="on" /> {t("isFirstLoan")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isCreditLoan" value="on" /> {t("isCreditLoan")}
        </label>
      </fieldset>
      <TextField type="date" name="grantedOn" label={t("grantedOn")} error={field("grantedOn")} required />
      <TextField type="date" name="disbursedOn" label={t("disbursedOn")} hint={t("optional")} error={field("disbursedOn")} />
      <TextField type="date" name="maturesOn" label={t("maturesOn")} hint={t("optional")} error={field("maturesOn")} />
    </div>
  );
}
