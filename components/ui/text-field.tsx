"use client";

import { useId, type InputHTMLAttributes } from "react";
import { FieldLabel } from "./field-label";
import { fieldIds } from "./field-ids";
import { FieldMessages } from "./field-messages";
import { useCharacterCount } from "./use-character-count";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string };

/**
 * A labelled input whose hint, error and count are announced with it (aria-describedby).
 * `maxLength` is the limit the server enforces: shown as a count, never given to the
 * browser (which would cut a paste silently; see useCharacterCount). `required` marks the
 * label and sets aria-required.
 */
export function TextField({ label, hint, error, id, className = "", maxLength, required, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const { count, onChange } = useCharacterCount(isFreeText(input) ? maxLength : undefined, input);
  return (
    <div className={className}>
      <FieldLabel htmlFor={inputId} label={label} required={required} />
      <input
        id={inputId}
        aria-invalid={error || (count && count.length > count.max) ? true : undefined}
        aria-describedby={fieldIds(inputId, hint, error, count).describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600 aria-invalid:border-red-600"
        {...input}
        required={required}
        aria-required={required || undefined}
        onChange={input.onChange || input.value === undefined ? onChange : undefined}
      />
      <FieldMessages id={inputId} hint={hint} error={error} count={count} />
    </div>
  );
}

/**
 * Whether the field takes free text, whose count against the limit helps: not a password,
 * a one-time code, a number, a date or a read-only field (their limits are far from
 * anything typed, and the server still refuses an over-long value).
 */
function isFreeText(input: Pick<Props, "type" | "inputMode" | "autoComplete" | "readOnly">): boolean {
  if (input.readOnly) return false;
  if (input.type && !["text", "search", "email", "url"].includes(input.type)) return false;
  if (input.inputMode === "numeric" || input.inputMode === "decimal") return false;
  return input.autoComplete !== "one-time-code";
}
