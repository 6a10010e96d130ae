"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { RequiredNote } from "@/components/forms/required-note";
import { TargetFigureFields } from "@/components/targets/target-figure-fields";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field-group";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { RowFields } from "@/components/ui/row-fields";
import { PLAN_PHONE_MAX, PLAN_SHORT_MAX, PLAN_TEXT_MAX, type TPlanProduct } from "@/lib/plans/rules";
import { teamFieldName } from "@/lib/plans/schemas";
import type { TActionResult } from "@/lib/server/action";
import { savePlanAction, startPlanAction } from "./actions";

type TState = TActionResult<{ id: string; version: number; status: string; number: number }> | null;

const TEAM_ROWS = 4;

/**
 * The main bank's plan editor: a new plan (choose the park; saved as a draft, then the
 * plan page opens) or the newest version while a draft or returned (save, or save and
 * submit to the park).
 */
export function PlanForm({
  mode,
  planId,
  version,
  title,
  parks = [],
  products,
  initial,
  chosenProducts = [],
}: {
  mode: "start" | "edit";
  planId?: string;
  version?: number;
  title: string;
  parks?: Array<{ id: string; name: string }>;
  products: TPlanProduct[];
  initial: Record<string, string>;
  chosenProducts?: string[];
}) {
  const t = useTranslations("plans");
  const router = useRouter();
  const [state, action, pending] = useActionState<TState, FormData>(mode === "start" ? startPlanAction : savePlanAction, null);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  const fields = useFields(initial);
  useEffect(() => {
    if (!state?.ok) return;
    if (mode === "start") router.push(`/plans/${state.data.id}`);
    else router.refresh();
  }, [state, router, mode]);
  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid="plan-form"
    >
      <RequiredNote />
      {planId && <input type="hidden" name="planId" value={planId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <FieldGroup title={title}>
        {mode === "start" && (
          <SelectField
            {...fields.bind("parkId")}
            label={t("form.park")}
            hint={t("form.parkHint")}
            placeholder={t("form.choose")}
            options={parks.map((p) => ({ value: p.id, label: p.name }))}
            required
            error={errors.field("parkId")}
          />
        )}
        <TextAreaField
          {...fields.bind("objectives")}
          label={t("form.objectives")}
          hint={t("form.objectivesHint")}
          rows={4}
          required
          maxLength={PLAN_TEXT_MAX}
          error={errors.field("objectives")}
        />
      </FieldGroup>
      <FieldGroup title={t("form.figures")} hint={t("form.countHint")}>
        <TargetFigureFields t={t} fields={fields} errors={errors} />
      </FieldGroup>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("form.products")}</legend>
        <p className="text-sm text-slate-600">{products.length > 0 ? t("form.productsHint") : t("form.noProducts")}</p>
        {products.map((p) => (
          <label key={p.id} className="flex items-center gap-2">
            <input type="checkbox" name="productIds" value={p.id} defaultChecked={chosenProducts.includes(p.id)} />
            {p.name}
          </label>
        ))}
        {errors.field("productIds") && <p className="text-sm text-red-700">{errors.field("productIds")}</p>}
      </fieldset>
      <TextAreaField
        {...fields.bind("greenChannel")}
        label={t("form.greenChannel")}
        hint={t("form.greenChannelHint")}
        rows={3}
        required
        maxLength={PLAN_TEXT_MAX}
        error={errors.field("greenChannel")}
      />
      <RowFields
        legend={t("form.team")}
        hint={t("form.teamHint")}
        rows={TEAM_ROWS}
        gridClassName="sm:grid-cols-3"
        fields={[
          { key: "name", label: (n) => t("form.teamName", { n }), maxLength: PLAN_SHORT_MAX },
          { key: "role", label: (n) => t("form.teamRole", { n }), maxLength: PLAN_SHORT_MAX },
          { key: "phone", type: "tel", label: (n) => t("form.teamPhone", { n }), maxLength: PLAN_PHONE_MAX },
        ]}
        nameOf={(key, i) => teamFieldName(key as "name" | "role" | "phone", i)}
        bind={fields.bind}
        error={errors.field}
      />
      <div className="flex flex-wrap items-center gap-3">
        {mode === "start" ? (
          <Button type="submit" disabled={pending || state?.ok}>
            {t("form.start")}
          </Button>
        ) : (
          <>
            <Button type="submit" name="intent" value="save" disabled={pending}>
              {t("form.save")}
            </Button>
            <Button type="submit" name="intent" value="submit" disabled={pending}>
              {t("form.submit")}
            </Button>
          </>
        )}
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        {state?.ok && mode === "edit" && (
          <p role="status" className="text-sm text-green-800">
            {state.data.status === "SUBMITTED" ? t("form.submitted") : t("form.saved")}
          </p>
        )}
      </div>
    </form>
  );
}
