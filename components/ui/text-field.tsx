import { useId, type InputHTMLAttributes } from "react";
import { FieldMessages, fieldIds } from "./field-messages";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string };

// A labelled input whose hint and error are announced with it (aria-describedby).
export function TextField({ label, hint, error, id, className = "", ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(inputId, hint, error).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...input}
      />
      <FieldMessages id={inputId} hint={hint} error={error} />
    </div>
  );
}
