"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { RequiredNote } from "@/components/forms/required-note";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { PRODUCT_KINDS, RATE_BP_MAX, RATE_BP_MIN, rateOverLprText } from "@/lib/products/rules";
import type { TActionResult } from "@/lib/server/action";
import { createProductAction, updateProductAction } from "../actions";

type TProps = {
  /** Absent for a new product. */
  productId?: string;
  initial: Record<string, string>;
  /** The banks the user may publish for; a choice is shown only when there is more than one. */
  banks: ReadonlyArray<{ id: string; name: string }>;
};

/** What the bank will see in the catalogue for the basis points it typed, while it types. */
function ratePreview(raw: string | undefined): string | null {
  const s = (raw ?? "").trim().replace(/[−－]/g, "-").replace(/＋/g, "+");
  if (!/^[+-]?\d{1,4}$/.test(s)) return null;
  const bp = Number(s);
  return bp >= RATE_BP_MIN && bp <= RATE_BP_MAX ? rateOverLprText(bp) : null;
}

// "Publish another" starts a fresh form.
export function ProductForm(props: TProps) {
  const [round, setRound] = useState(0);
  return <ProductFormRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function ProductFormRound({ productId, initial, banks, onAnother }: TProps & { onAnother: () => void }) {
  const t = useTranslations("products");
  const action = productId ? updateProductAction : createProductAction;
  const [state, formAction, pending] = useActionState<TActionResult<{ productId: string }> | null, FormData>(action, null);
  const fields = useFields(initial);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  // The field's hint shows how the typed basis points will read in the catalogue.
  const rateHint = (name: string) => {
    const preview = ratePreview(fields.values[name]);
    return preview ? t("form.ratePreview", { text: preview }) : undefined;
  };

  if (state?.ok && !productId) {
    return (
      <div className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800">
          {t("form.created", { name: fields.values.name ?? "" })}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={`/products/${state.data.productId}`} className="text-brand-700 underline">
            {t("form.viewPublic")}
          </Link>
          <Link href="/products/manage" className="text-brand-700 underline">
            {t("form.toList")}
          </Link>
          <button type="button" onClick={onAnother} className="text-brand-700 underline">
            {t("form.another")}
          </button>
        </p>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      {productId && <input type="hidden" name="productId" value={productId} />}
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("form.saved")}{" "}
          <Link href={`/products/${productId}`} className="underline">
            {t("form.viewPublic")}
          </Link>
        </p>
      )}
      <FieldGroup title={t("form.sectionBasic")}>
        {!productId && banks.length > 1 && (
          <SelectField
            {...fields.bind("bankOrgId")}
            label={t("form.bankOrg")}
            options={banks.map((b) => ({ value: b.id, label: b.name }))}
            error={errors.field("bankOrgId")}
          />
        )}
        <TextField
          {...fields.bind("name")}
          label={t("form.name")}
          hint={t("form.nameHint")}
          maxLength={60}
          autoComplete="off"
          error={errors.field("name")}
          required
        />
        <SelectField
          {...fields.bind("kind")}
          label={t("form.kind")}
          placeholder={t("form.choose")}
          options={PRODUCT_KINDS.map((k) => ({ value: k, label: k }))}
          error={errors.field("kind")}
          required
        />
      </FieldGroup>
      <FieldGroup title={t("form.sectionTerms")}>
        <p className="text-sm text-slate-600">{t("form.rateHint")}</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            {...fields.bind("minAmount")}
            label={t("form.minAmount")}
            inputMode="decimal"
            maxLength={16}
            error={errors.field("minAmount")}
          />
          <TextField
            {...fields.bind("maxAmount")}
            label={t("form.maxAmount")}
            hint={t("form.amountHint")}
            inputMode="decimal"
            maxLength={16}
            error={errors.field("maxAmount")}
          />
          <TextField
            {...fields.bind("minTermMonths")}
            label={t("form.minTerm")}
            inputMode="numeric"
            maxLength={3}
            error={errors.field("minTermMonths")}
          />
          <TextField
            {...fields.bind("maxTermMonths")}
            label={t("form.maxTerm")}
            inputMode="numeric"
            maxLength={3}
            error={errors.field("maxTermMonths")}
          />
          <TextField
            {...fields.bind("minRateBp")}
            label={t("form.minRate")}
            hint={rateHint("minRateBp")}
            maxLength={6}
            autoComplete="off"
            error={errors.field("minRateBp")}
          />
          <TextField
            {...fields.bind("maxRateBp")}
            label={t("form.maxRate")}
            hint={rateHint("maxRateBp")}
            maxLength={6}
            autoComplete="off"
            error={errors.field("maxRateBp")}
          />
        </div>
      </FieldGroup>
      <FieldGroup title={t("form.sectionWho")}>
        <TextAreaField
          {...fields.bind("collateral")}
          label={t("form.collateral")}
          hint={t("form.collateralHint")}
          maxLength={500}
          rows={2}
          error={errors.field("collateral")}
        />
        <TextAreaField
          {...fields.bind("targets")}
          label={t("form.targets")}
          hint={t("form.targetsHint")}
          maxLength={500}
          rows={2}
          error={errors.field("targets")}
        />
        <TextAreaField
          {...fields.bind("howToApply")}
          label={t("form.howToApply")}
          hint={t("form.howToApplyHint")}
          maxLength={500}
          rows={3}
          error={errors.field("howToApply")}
          required
        />
      </FieldGroup>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {productId ? t("form.save") : t("form.create")}
      </Button>
    </form>
  );
}
