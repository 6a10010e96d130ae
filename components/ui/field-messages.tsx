"use client";

import { useTranslations } from "next-intl";

/** A text field's limit and how much of it is used (shown under the field, checked by the server). */
export type TFieldCount = { length: number; max: number };

// The hint, error and character count under a form field, with the ids its control
// points at (aria-describedby), so screen readers announce them with the field.
export function fieldIds(id: string, hint?: string, error?: string, count?: TFieldCount) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, count ? countId : null].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, countId, describedBy };
}

export function FieldMessages({ id, hint, error, count }: { id: string; hint?: string; error?: string; count?: TFieldCount }) {
  const t = useTranslations("errors");
  const { hintId, errorId, countId } = fieldIds(id, hint, error, count);
  const over = count ? count.length - count.max : 0;
  return (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {count && (
        <p
          id={countId}
          data-over={over > 0 || undefined}
          className="mt-1 text-right text-xs text-slate-500 data-over:font-medium data-over:text-red-700"
        >
          {t("form.counter", count)}
          {over > 0 && ` · ${t("form.over", { over })}`}
        </p>
      )}
      {/* Said once when the text goes over its limit (and again when it is back within it), not on every keystroke. */}
      {count && (
        <span aria-live="polite" className="sr-only">
          {over > 0 ? t("form.overLimit", { max: count.max }) : ""}
        </span>
      )}
    </>
  );
}
