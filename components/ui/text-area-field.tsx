"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import { FieldLabel } from "./field-label";
import { fieldIds } from "./field-ids";
import { FieldMessages } from "./field-messages";
import { useCharacterCount } from "./use-character-count";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string };

// A labelled multi-line field built like TextField: hint, error and count announced with
// it; `maxLength` is shown as a count, never given to the browser (it would cut a paste).
export function TextAreaField({ label, hint, error, id, className = "", maxLength, required, ...textarea }: Props) {
  const generated = useId();
  const textareaId = id ?? generated;
  const { count, onChange } = useCharacterCount(maxLength, textarea);
  return (
    <div className={className}>
      <FieldLabel htmlFor={textareaId} label={label} required={required} />
      <textarea
        id={textareaId}
        rows={3}
        aria-invalid={error || (count && count.length > count.max) ? true : undefined}
        aria-describedby={fieldIds(textareaId, hint, error, count).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...textarea}
        required={required}
        aria-required={required || undefined}
        onChange={textarea.onChange || textarea.value === undefined ? onChange : undefined}
      />
      <FieldMessages id={textareaId} hint={hint} error={error} count={count} />
    </div>
  );
}
