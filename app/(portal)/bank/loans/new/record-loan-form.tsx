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
import { RequiredMark } from "@/components/ui/field-label";
import { TextField } from "@/components/ui/text-field";
import type { TLoanEnterprise } from "@/lib/loans/queries/search-loan-enterprises";
import { defaultMaturity } from "@/lib/loans/maturity";
import { LOAN_LIMITS } from "@/lib/loans/schemas";
import type { TActionResult } from "@/lib/server/action";
import { recordLoanAction } from "../actions";

type TResult = { loanId: string; maturesOn: string };

// The enterprise is picked from the search's matches; the amount is typed in 万元; a blank
// maturity is the disbursement day plus the term (shown as the field's hint).
export function RecordLoanForm({ enterprises }: { enterprises: TLoanEnterprise[] }) {
  const t = useTranslations("loans");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<TActionResult<TResult> | null, FormData>(recordLoanAction, null);
  const fields = useFields({ enterpriseId: enterprises.length === 1 ? enterprises[0]!.id : "", secured: "secured" });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const term = Number(fields.values.termMonths);
  const disbursed = fields.values.disbursedOn ?? "";
  const defaultDay =
    /^\d{4}-\d{2}-\d{2}$/.test(disbursed) && Number.isInteger(term) && term >= 1 && term <= LOAN_LIMITS.maxTermMonths
      ? defaultMaturity(disbursed, term)
      : null;

  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800" data-testid="loan-recorded">
          {t("form.recorded", { maturesOn: state.data.maturesOn })}
        </p>
        <Link href="/bank/loans" className="text-brand-700 underline">
          {t("form.toList")}
        </Link>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <FieldGroup title={t("form.sectionEnterprise")}>
        <fieldset aria-describedby={errors.field("enterpriseId") ? "enterprise-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">
            {t("form.enterprise")} <RequiredMark title={te("form.requiredMark")} />
          </legend>
          <div className="mt-2 space-y-1">
            {enterprises.map((e) => (
              <label key={e.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="enterpriseId"
                  value={e.id}
                  checked={fields.values.enterpriseId === e.id}
                  onChange={() => fields.set("enterpriseId", e.id)}
                />
                {e.name}（{e.uscc} · {e.parkName}）
              </label>
            ))}
          </div>
          {errors.field("enterpriseId") && (
            <p id="enterprise-error" className="mt-1 text-sm text-red-700">
              {errors.field("enterpriseId")}
            </p>
          )}
        </fieldset>
      </FieldGroup>
      <FieldGroup title={t("form.sectionLoan")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            {...fields.bind("amountFen")}
            label={t("form.amount")}
            inputMode="decimal"
            hint={t("form.amountHint")}
            error={errors.field("amountFen")}
            required
          />
          <TextField
            {...fields.bind("annualRate")}
            label={t("form.annualRate")}
            inputMode="decimal"
            hint={t("form.annualRateHint")}
            error={errors.field("annualRate")}
            required
          />
          <TextField
            {...fields.bind("termMonths")}
            label={t("form.termMonths")}
            inputMode="numeric"
            error={errors.field("termMonths")}
            required
          />
          <TextField
            {...fields.bind("product")}
            label={t("form.product")}
            hint={t("form.productHint")}
            maxLength={LOAN_LIMITS.product}
            error={errors.field("product")}
            required
          />
          <TextField
            {...fields.bind("disbursedOn")}
            type="date"
            label={t("form.disbursedOn")}
            error={errors.field("disbursedOn")}
            required
          />
          <TextField
            {...fields.bind("maturesOn")}
            type="date"
            label={t("form.maturesOn")}
            hint={defaultDay ? t("form.maturesDefault", { day: defaultDay }) : t("form.maturesHint")}
            error={errors.field("maturesOn")}
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">
            {t("form.kind")} <RequiredMark title={te("form.requiredMark")} />
          </legend>
          <div className="mt-2 flex gap-6">
            {(["secured", "credit"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="secured"
                  value={k}
                  checked={fields.values.secured === k}
                  onChange={() => fields.set("secured", k)}
                />
                {t(k)}
              </label>
            ))}
          </div>
          {errors.field("secured") && <p className="mt-1 text-sm text-red-700">{errors.field("secured")}</p>}
        </fieldset>
        <TextField
          {...fields.bind("guarantee")}
          label={t("form.guarantee")}
          hint={t("form.optional")}
          maxLength={LOAN_LIMITS.guarantee}
          error={errors.field("guarantee")}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="isFirstLoan" value="on" /> {t("form.isFirstLoan")}
        </label>
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
