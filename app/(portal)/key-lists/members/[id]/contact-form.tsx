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
import { KeyContactOutcome, KeyContactWay } from "@/lib/generated/prisma/enums";
import { KEY_LIST_LIMITS } from "@/lib/key-lists/schemas";
import type { TActionResult } from "@/lib/server/action";
import { recordKeyContactAction } from "../../actions";

// The bank's liaison records a contact: the day, how, the need found, the outcome and,
// once credit is granted, its amount (万元).
export function ContactForm({ memberId }: { memberId: string }) {
  const t = useTranslations("keyLists");
  const [state, formAction, pending] = useActionState<TActionResult<{ contactId: string }> | null, FormData>(recordKeyContactAction, null);
  const fields = useFields({ way: KeyContactWay.VISIT, outcome: KeyContactOutcome.CONNECTED });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form
      ref={focusScope}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      noValidate
      data-testid="key-contact-form"
    >
      <h2 className="text-base font-medium">{t("contact.title")}</h2>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800" data-testid="key-contact-recorded">
          {t("contact.recorded")}
        </p>
      )}
      <input type="hidden" name="memberId" value={memberId} />
      <FieldGroup title={t("contact.sectionWhen")}>
        <TextField
          {...fields.bind("contactedOn")}
          type="date"
          label={t("contact.contactedOn")}
          error={errors.field("contactedOn")}
          required
        />
        <SelectField
          {...fields.bind("way")}
          label={t("contact.way")}
          options={Object.values(KeyContactWay).map((w) => ({ value: w, label: t(`ways.${w}`) }))}
          error={errors.field("way")}
          required
        />
        <SelectField
          {...fields.bind("outcome")}
          label={t("contact.outcome")}
          options={Object.values(KeyContactOutcome).map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          error={errors.field("outcome")}
          required
        />
      </FieldGroup>
      <FieldGroup title={t("contact.sectionNeed")}>
        <TextAreaField
          {...fields.bind("need")}
          label={t("contact.need")}
          maxLength={KEY_LIST_LIMITS.need}
          rows={2}
          error={errors.field("need")}
        />
        <TextField
          {...fields.bind("needAmount")}
          label={t("contact.needAmount")}
          hint={t("contact.amountHint")}
          inputMode="decimal"
          maxLength={KEY_LIST_LIMITS.amount}
          autoComplete="off"
          error={errors.field("needAmount")}
        />
        <TextField
          {...fields.bind("creditAmount")}
          label={t("contact.creditAmount")}
          hint={t("contact.creditHint")}
          inputMode="decimal"
          maxLength={KEY_LIST_LIMITS.amount}
          autoComplete="off"
          error={errors.field("creditAmount")}
        />
        <TextAreaField
          {...fields.bind("note")}
          label={t("contact.note")}
          maxLength={KEY_LIST_LIMITS.note}
          rows={2}
          error={errors.field("note")}
        />
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("contact.submit")}
      </Button>
    </form>
  );
}
