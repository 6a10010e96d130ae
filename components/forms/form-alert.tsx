"use client";

import { useTranslations } from "next-intl";

/**
 * The message at the top of a form after a refused submission, read out at once
 * (role="alert"): the form's own message when the refusal belongs to no field, else a
 * summary of how many fields need changing (each says what under it; focus is on the
 * first, see useFocusFirstError). Nothing when the form was not refused.
 */
export function FormAlert({
  message,
  fieldErrors = 0,
  next,
  inline = false,
}: {
  message?: string;
  fieldErrors?: number;
  /** What to do about it, after the message (e.g. a link to ask for a new reset link). */
  next?: React.ReactNode;
  /** Beside a one-button form in running text: no box. */
  inline?: boolean;
}) {
  const t = useTranslations("errors");
  const text = message ?? (fieldErrors > 0 ? t("form.summary", { count: fieldErrors }) : undefined);
  if (!text) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag
      role="alert"
      data-form-alert
      tabIndex={-1}
      className={inline ? "text-sm text-red-700" : "rounded bg-red-50 px-3 py-2 text-sm text-red-800"}
    >
      {text}
      {next && <> {next}</>}
    </Tag>
  );
}
