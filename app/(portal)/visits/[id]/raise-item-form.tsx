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
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { raiseFindingItemAction } from "../actions";

// A finding about one of the enterprises visited becomes its problem-list item, submitted
// to the park's review queue; the window then forwards it like any other item.
export function RaiseItemForm({
  findingId,
  text,
  enterprises,
}: {
  findingId: string;
  text: string;
  enterprises: { id: string; name: string }[];
}) {
  const t = useTranslations("visits");
  const [state, run, pending] = useActionState<TActionResult<{ requestId: string; serial: string }> | null, FormData>(
    raiseFindingItemAction,
    null,
  );
  const fields = useFields({
    enterpriseId: enterprises[0]?.id ?? "",
    type: "DIFFICULTY", // A finding that fits is the title as it stands; a longer one leaves the title to the window.
    title: text.length <= 80 ? text : "",
    description: text,
  });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-green-800">
        {t("raised")}{" "}
        <Link href={`/requests/${state.data.requestId}`} className="underline" data-testid="raised-item">
          {state.data.serial}
        </Link>
      </p>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t("raise")}</summary>
      <form ref={focusScope} action={run} onSubmit={keepValuesOnSubmit(run)} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="findingId" value={findingId} />
        <RequiredNote />
        <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
        <SelectField
          {...fields.bind("enterpriseId")}
          label={t("raiseEnterprise")}
          options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          error={errors.field("enterpriseId")}
          required
        />
        <SelectField
          {...fields.bind("type")}
          label={t("raiseType")}
          options={(["DIFFICULTY", "CONSULTATION"] as const).map((v) => ({ value: v, label: t(`types.${v}`) }))}
          error={errors.field("type")}
          required
        />
        <TextField {...fields.bind("title")} label={t("raiseTitle")} maxLength={80} error={errors.field("title")} required />
        <TextAreaField
          {...fields.bind("description")}
          label={t("raiseDescription")}
          maxLength={2000}
          rows={3}
          error={errors.field("description")}
          required
        />
        <Button type="submit" disabled={pending}>
          {t("raiseSubmit")}
        </Button>
      </form>
    </details>
  );
}
