"use client";

import { useTranslations } from "next-intl";
import { fieldIds, type TFieldCount } from "./field-ids";

// The hint, error and character count under a form field (their ids: fieldIds).
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
          className="mt-1 text-right text-xs text-slate-600 data-over:font-medium data-over:text-red-700"
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
