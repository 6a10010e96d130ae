"use client";

import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { LEAD_UNIT_MAX, LEAD_UNITS_MAX, PHASE_KINDS, RULE_KEYS, RULE_LIMITS, phaseField } from "@/lib/programs/rules";
import type { useFields } from "@/components/forms/use-fields";

// The field groups the program forms share: details, phases and rules. Every field is
// controlled (useFields), so an error answer keeps what was typed.

type TFields = ReturnType<typeof useFields>;
type TErrors = { field: (name: string) => string | undefined };
type TGroupProps = { fields: TFields; errors: TErrors };

export function NameAndDocNumberFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <>
      <TextField {...fields.bind("name")} label={t("form.name")} maxLength={100} autoComplete="off" error={errors.field("name")} required />
      <TextField
        {...fields.bind("docNumber")}
        label={t("form.docNumber")}
        hint={t("form.docNumberHint")}
        maxLength={60}
        autoComplete="off"
        error={errors.field("docNumber")}
        required
      />
    </>
  );
}

export function LeadUnitsAndDescriptionFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <>
      <TextAreaField
        {...fields.bind("leadUnits")}
        label={t("form.leadUnits")}
        hint={t("form.leadUnitsHint")}
        // Up to LEAD_UNITS_MAX lines of LEAD_UNIT_MAX characters each (the server checks each line).
        maxLength={LEAD_UNITS_MAX * (LEAD_UNIT_MAX + 1)}
        rows={3}
        error={errors.field("leadUnits")}
        required
      />
      <TextAreaField
        {...fields.bind("description")}
        label={t("form.description")}
        rows={3}
        maxLength={2000}
        error={errors.field("description")}
      />
    </>
  );
}

export function PhaseFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {PHASE_KINDS.map((kind) =>
        (["startsOn", "endsOn"] as const).map((end) => {
          const name = phaseField(kind, end);
          return (
            <TextField
              key={name}
              {...fields.bind(name)}
              type="date"
              label={t(`form.${end}`, { phase: t(`phases.${kind}`) })}
              error={errors.field(name)}
              required
            />
          );
        }),
      )}
    </div>
  );
}

export function RuleFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {RULE_KEYS.map((key) => (
        <TextField
          key={key}
          {...fields.bind(key)}
          type="number"
          inputMode="numeric"
          min={RULE_LIMITS[key].min}
          max={RULE_LIMITS[key].max}
          step={1}
          label={t(`rules.${key}`)}
          hint={t(`rules.${key}Hint`)}
          error={errors.field(key)}
          required
        />
      ))}
    </div>
  );
}
