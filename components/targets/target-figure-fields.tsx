"use client";

import type { useFormErrors } from "@/components/forms/form-errors";
import type { useFields } from "@/components/forms/use-fields";
import { TextField } from "@/components/ui/text-field";
import { TARGET_FIELD_MAX } from "@/lib/targets/rules";

/**
 * The four figures of a bank's annual credit target (new lending in 万元, borrowers, first
 * loans, credit loans), as the target form and the assistance plan both ask for them.
 * The form keeps the values and its own error messages, and passes its own translator: each
 * form's namespace has these labels, and a client component reads only the namespaces its
 * page sends. `countHintOnEach` puts the counts' rule under each count (the plan says it
 * once, on its group).
 */
export function TargetFigureFields({
  t,
  fields,
  errors,
  countHintOnEach = false,
}: {
  t: (key: "form.amount" | "form.amountHint" | "form.borrowers" | "form.firstLoans" | "form.creditLoans" | "form.countHint") => string;
  fields: ReturnType<typeof useFields>;
  errors: ReturnType<typeof useFormErrors>;
  countHintOnEach?: boolean;
}) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <TextField
        {...fields.bind("amount")}
        inputMode="decimal"
        maxLength={TARGET_FIELD_MAX}
        label={t("form.amount")}
        hint={t("form.amountHint")}
        error={errors.field("amount")}
        required
      />
      {(["borrowers", "firstLoans", "creditLoans"] as const).map((key) => (
        <TextField
          key={key}
          {...fields.bind(key)}
          inputMode="numeric"
          maxLength={TARGET_FIELD_MAX}
          label={t(`form.${key}`)}
          hint={countHintOnEach ? t("form.countHint") : undefined}
          error={errors.field(key)}
          required
        />
      ))}
    </div>
  );
}
