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
import type { TMembersReport } from "@/lib/key-lists/mutations/add-key-list-members";
import { KEY_LIST_LIMITS } from "@/lib/key-lists/schemas";
import type { TActionResult } from "@/lib/server/action";
import { createKeyListAction } from "../actions";
import { MembersReport } from "../members-report";

type TResult = { listId: string } & TMembersReport;

// The tags the demo and the seeds name (专精特新, 高新技术企业, 科技型中小企业, 小巨人);
// any other tag an enterprise carries may be typed.
const TAG_SUGGESTIONS = ["专精特新", "高新技术企业", "科技型中小企业", "专精特新“小巨人”"];

export function CreateKeyListForm({ year }: { year: number }) {
  const t = useTranslations("keyLists");
  const [state, formAction, pending] = useActionState<TActionResult<TResult> | null, FormData>(createKeyListAction, null);
  const fields = useFields({ year: String(year), source: "tag", tag: TAG_SUGGESTIONS[0]! });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);

  if (state?.ok) {
    return (
      <div className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="font-medium text-green-800" data-testid="key-list-created">
          {t("form.created", { added: state.data.added })}
        </p>
        <MembersReport report={state.data} />
        <Link href={`/key-lists/${state.data.listId}`} className="text-brand-700 underline">
          {t("form.open")}
        </Link>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <FieldGroup title={t("form.sectionList")}>
        <TextField
          {...fields.bind("name")}
          label={t("form.name")}
          hint={t("form.nameHint")}
          maxLength={KEY_LIST_LIMITS.name}
          autoComplete="off"
          error={errors.field("name")}
          required
        />
        <SelectField
          {...fields.bind("year")}
          label={t("form.year")}
          options={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
          error={errors.field("year")}
          required
        />
      </FieldGroup>
      <FieldGroup title={t("form.sectionFill")}>
        <SelectField
          {...fields.bind("source")}
          label={t("form.source")}
          options={[
            { value: "tag", label: t("form.sourceTag") },
            { value: "import", label: t("form.sourceImport") },
          ]}
          error={errors.field("source")}
          required
        />
        {fields.values.source === "tag" ? (
          <TextField
            {...fields.bind("tag")}
            label={t("form.tag")}
            hint={t("form.tagHint", { tags: TAG_SUGGESTIONS.join("、") })}
            maxLength={KEY_LIST_LIMITS.tag}
            autoComplete="off"
            error={errors.field("tag")}
            required
          />
        ) : (
          <TextAreaField
            {...fields.bind("usccs")}
            label={t("form.usccs")}
            hint={t("form.usccsHint", { max: KEY_LIST_LIMITS.maxUsccs })}
            maxLength={KEY_LIST_LIMITS.usccs}
            rows={8}
            error={errors.field("usccs")}
            required
          />
        )}
      </FieldGroup>
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
