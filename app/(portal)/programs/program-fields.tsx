"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { FieldMessages, fieldIds } from "@/components/ui/field-messages";
import { TextField } from "@/components/ui/text-field";
import { PHASE_KINDS, RULE_KEYS, RULE_LIMITS, phaseField } from "@/lib/programs/rules";
import type { useFields } from "@/components/forms/use-fields";

// The field groups the program forms share: details, phases and rules. Every field is
// controlled (useFields), so an error answer keeps what was typed.

type TFields = ReturnType<typeof useFields>;
type TErrors = { field: (name: string) => string | undefined };
type TGroupProps = { fields: TFields; errors: TErrors };

type TTextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string };

// A labelled textarea built like TextField (components/ui has none yet).
export function TextAreaField({ label, hint, error, id, className = "", ...textarea }: TTextAreaProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={textareaId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={textareaId}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(textareaId, hint, error).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...textarea}
      />
      <FieldMessages id={textareaId} hint={hint} error={error} />
    </div>
  );
}

function boundTextArea(fields: TFields, name: string) {
  return { name, value: fields.values[name] ?? "", onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => fields.set(name, e.target.value) };
}

export function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <legend className="px-1 text-lg font-medium">{title}</legend>
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {children}
    </fieldset>
  );
}

export function NameAndDocNumberFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <>
      <TextField {...fields.bind("name")} label={t("form.name")} maxLength={100} autoComplete="off" error={errors.field("name")} required />
      <TextField {...fields.bind("docNumber")} label={t("form.docNumber")} hint={t("form.docNumberHint")} maxLength={60} autoComplete="off" error={errors.field("docNumber")} required />
    </>
  );
}

export function LeadUnitsAndDescriptionFields({ fields, errors }: TGroupProps) {
  const t = useTranslations("programs");
  return (
    <>
      <TextAreaField {...boundTextArea(fields, "leadUnits")} label={t("form.leadUnits")} hint={t("form.leadUnitsHint")} rows={3} error={errors.field("leadUnits")} required />
      <TextAreaField {...boundTextArea(fields, "description")} label={t("form.description")} rows={3} maxLength={2000} error={errors.field("description")} />
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
            <TextField key={name} {...fields.bind(name)} type="date" label={t(`form.${end}`, { phase: t(`phases.${kind}`) })} error={errors.field(name)} required />
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

export function FormAlert({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}
