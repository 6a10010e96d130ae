import { useId, type SelectHTMLAttributes } from "react";
import { FieldLabel } from "./field-label";
import { fieldIds } from "./field-ids";
import { FieldMessages } from "./field-messages";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** An empty first option ("请选择…") for a choice that has no default. */
  placeholder?: string;
  hint?: string;
  error?: string;
};

// A labelled <select> built like TextField: hint and error announced with it, `required` marked.
export function SelectField({ label, placeholder, options, hint, error, id, className = "", required, ...select }: Props) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={className}>
      <FieldLabel htmlFor={selectId} label={label} required={required} />
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(selectId, hint, error).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...select}
        required={required}
        aria-required={required || undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={selectId} hint={hint} error={error} />
    </div>
  );
}
