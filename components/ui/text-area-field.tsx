import { useId, type TextareaHTMLAttributes } from "react";
import { FieldMessages, fieldIds } from "./field-messages";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string };

// A labelled multi-line field built like TextField: hint and error announced with it.
export function TextAreaField({ label, hint, error, id, className = "", ...textarea }: Props) {
  const generated = useId();
  const textareaId = id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={textareaId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={textareaId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(textareaId, hint, error).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...textarea}
      />
      <FieldMessages id={textareaId} hint={hint} error={error} />
    </div>
  );
}
