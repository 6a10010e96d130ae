"use client";

import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";

type TOption = { value: string; label: string };

export type TFormField =
  | { kind: "hidden"; name: string; value: string }
  | {
      kind: "text";
      name: string;
      label: string;
      value?: string | null;
      hint?: string;
      readOnly?: boolean;
      type?: "text" | "date" | "tel";
      maxLength?: number;
      inputMode?: "text" | "tel" | "numeric";
    }
  | {
      kind: "select";
      name: string;
      label: string;
      options: TOption[];
      value?: string | null;
      placeholder?: string;
      hint?: string;
      readOnly?: boolean;
    }
  | { kind: "textarea"; name: string; label: string; value?: string | null; hint?: string; maxLength?: number }
  | { kind: "checkboxes"; name: string; label: string; options: TOption[]; value?: string[]; readOnly?: boolean };

type TState = TActionResult<unknown> | null;

type TProps = {
  action: (state: TState, formData: FormData) => Promise<TState>;
  fields: TFormField[];
  submitLabel: string;
  /** Shown (role="status") after the action succeeded; the form stays for another change. */
  doneMessage?: string;
  /** A one-button form (deactivate …): no card around it. */
  compact?: boolean;
  /** Keeps what was typed after success (edit forms); otherwise the form is cleared. */
  keepValues?: boolean;
};

function initialValues(fields: TFormField[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of fields) {
    if (f.kind === "hidden") continue;
    out[f.name] = f.kind === "checkboxes" ? (f.value ?? []) : (f.value ?? "");
  }
  return out;
}

/**
 * The registry's forms: controlled fields (React would otherwise reset what was typed
 * when the server answers with an error), errors translated from the codes under
 * "registry.errors", shown beside their field or above the form.
 */
export function RegistryForm({ action, fields, submitLabel, doneMessage, compact, keepValues }: TProps) {
  const t = useTranslations("registry");
  const [values, setValues] = useState(() => initialValues(fields));
  const [state, formAction, pending] = useActionState<TState, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result?.ok && !keepValues) setValues(initialValues(fields));
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const formRef = useFocusFirstError(state);
  const message = useErrorMessage(t);
  const fieldError = (name: string) => (failed?.fieldErrors?.[name] ? message(failed.fieldErrors[name]!) : undefined);
  const hasFieldErrors = Boolean(failed?.fieldErrors && Object.keys(failed.fieldErrors).length > 0);
  const formError =
    failed && !(failed.error === "invalidInput" && hasFieldErrors) ? message(failed.error) : failed ? t("errors.fixFields") : undefined;
  const set = (name: string, value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));
  const str = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      noValidate
      className={compact ? "space-y-2" : "space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"}
    >
      <FormAlert message={formError} />
      {fields.map((f) => {
        switch (f.kind) {
          case "hidden":
            return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          case "text":
            return (
              <TextField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                type={f.type ?? "text"}
                inputMode={f.inputMode}
                maxLength={f.maxLength}
                readOnly={f.readOnly}
                className={f.readOnly ? "opacity-80" : undefined}
                value={str(f.name)}
                onChange={(e) => set(f.name, e.target.value)}
                error={fieldError(f.name)}
                autoComplete="off"
              />
            );
          case "select":
            return f.readOnly ? (
              <div key={f.name}>
                <input type="hidden" name={f.name} value={str(f.name)} />
                <TextField
                  label={f.label}
                  readOnly
                  value={f.options.find((o) => o.value === str(f.name))?.label ?? ""}
                  className="opacity-80"
                />
              </div>
            ) : (
              <SelectField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                placeholder={f.placeholder}
                options={f.options}
                value={str(f.name)}
                onChange={(e) => set(f.name, e.target.value)}
                error={fieldError(f.name)}
              />
            );
          case "textarea":
            return (
              <TextAreaField
                key={f.name}
                name={f.name}
                label={f.label}
                hint={f.hint}
                maxLength={f.maxLength}
                value={str(f.name)}
                onChange={(e) => set(f.name, e.target.value)}
                error={fieldError(f.name)}
              />
            );
          case "checkboxes": {
            const checked = Array.isArray(values[f.name]) ? (values[f.name] as string[]) : [];
            return (
              <fieldset key={f.name}>
                <legend className="block text-sm font-medium text-slate-700">{f.label}</legend>
                <div className="mt-1 flex flex-wrap gap-4">
                  {f.options.map((o) => (
                    <label key={o.value} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={f.name}
                        value={o.value}
                        disabled={f.readOnly}
                        checked={checked.includes(o.value)}
                        onChange={(e) => set(f.name, e.target.checked ? [...checked, o.value] : checked.filter((x) => x !== o.value))}
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                {fieldError(f.name) && (
                  <p role="alert" className="mt-1 text-sm text-red-700">
                    {fieldError(f.name)}
                  </p>
                )}
              </fieldset>
            );
          }
        }
      })}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
      {state?.ok && doneMessage && (
        <p role="status" className="text-green-800">
          {doneMessage}
        </p>
      )}
    </form>
  );
}
