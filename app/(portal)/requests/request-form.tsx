"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import type { TWorkflowResult } from "@/lib/requests/workflow/types";
import { saveRequestAction } from "./new/actions";

type TProps = {
  /** Absent for a new item. */
  requestId?: string;
  version?: number;
  initial?: Record<string, string>;
  initialProducts?: string[];
  /** Product kinds offered by the park's paired banks. */
  productKinds: string[];
};

const TYPES = ["FINANCING", "CONSULTATION", "DIFFICULTY"] as const;

// The enterprise's request form, for a new item and for editing a draft or returned one.
// "保存草稿" and "提交" post the same fields; 提交 adds submit=on.
export function RequestForm({ requestId, version, initial = {}, initialProducts = [], productKinds }: TProps) {
  const t = useTranslations("requestForm");
  const tRequests = useTranslations("requests");
  const [state, action, pending] = useActionState<TActionResult<TWorkflowResult> | null, FormData>(saveRequestAction, null);
  const fields = useFields(initial);
  const offered = new Set(productKinds);
  const [ticked, setTicked] = useState<string[]>(initialProducts.filter((p) => offered.has(p)));
  const [other, setOther] = useState(initialProducts.filter((p) => !offered.has(p)).join("，"));
  const errors = useFormErrors(state, tRequests);
  const focusScope = useFocusFirstError(state);
  // After a save the item has a new version: the next save must carry it.
  const currentVersion = state?.ok ? state.data.version : version;
  // A financing need is submitted only with amount, term, date and purpose (missingForSubmit); a draft may leave them empty.
  const financing = fields.values.type === "FINANCING";

  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      {requestId && <input type="hidden" name="requestId" value={requestId} />}
      {currentVersion !== undefined && <input type="hidden" name="version" value={currentVersion} />}
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("form.saved")}
        </p>
      )}
      <SelectField
        {...fields.bind("type")}
        label={t("form.type")}
        placeholder={t("form.choose")}
        options={TYPES.map((v) => ({ value: v, label: tRequests(`types.${v}`) }))}
        error={errors.field("type")}
        required
      />
      <TextField
        {...fields.bind("title")}
        label={t("form.title")}
        hint={t("form.titleHint")}
        maxLength={80}
        error={errors.field("title")}
        required
      />
      <TextAreaField
        {...fields.bind("description")}
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        maxLength={2000}
        rows={5}
        error={errors.field("description")}
        required
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          {...fields.bind("amountFen")}
          label={t("form.amount")}
          hint={t("form.amountHint")}
          inputMode="decimal"
          maxLength={20}
          error={errors.field("amountFen")}
          required={financing}
        />
        <TextField
          {...fields.bind("termMonths")}
          label={t("form.termMonths")}
          inputMode="numeric"
          maxLength={3}
          error={errors.field("termMonths")}
          required={financing}
        />
        <TextField
          {...fields.bind("neededBy")}
          type="date"
          label={t("form.neededBy")}
          error={errors.field("neededBy")}
          required={financing}
        />
      </div>
      <TextAreaField
        {...fields.bind("purpose")}
        label={t("form.purpose")}
        maxLength={500}
        rows={3}
        error={errors.field("purpose")}
        required={financing}
      />
      <TextAreaField
        {...fields.bind("collateral")}
        label={t("form.collateral")}
        hint={t("form.collateralHint")}
        maxLength={500}
        rows={3}
        error={errors.field("collateral")}
      />
      <fieldset aria-describedby="preferred-hint">
        <legend className="text-sm font-medium text-slate-700">{t("form.preferredProducts")}</legend>
        <p id="preferred-hint" className="mt-1 text-xs text-slate-500">
          {productKinds.length > 0 ? t("form.preferredHint") : t("form.preferredNone")}
        </p>
        {productKinds.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {productKinds.map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  name="preferredProducts"
                  value={kind}
                  checked={ticked.includes(kind)}
                  onChange={(e) => setTicked((list) => (e.target.checked ? [...list, kind] : list.filter((k) => k !== kind)))}
                />
                {kind}
              </label>
            ))}
          </div>
        )}
        <TextField
          name="preferredProductsOther"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          label={t("form.preferredOther")}
          hint={t("form.preferredOtherHint")}
          maxLength={200}
          error={errors.field("preferredProducts") ?? errors.field("preferredProducts.0")}
          className="mt-3"
        />
      </fieldset>
      <p className="text-sm text-slate-600">{requestId ? t("form.attachmentsBelow") : t("form.attachmentsAfterSave")}</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="submit"
          value=""
          disabled={pending}
          className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
        >
          {t("form.saveDraft")}
        </button>
        <Button type="submit" name="submit" value="on" disabled={pending}>
          {t("form.submit")}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t("form.submitHint")}</p>
    </form>
  );
}
