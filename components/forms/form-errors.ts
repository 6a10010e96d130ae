"use client";

import { useTranslations } from "next-intl";
import type { TMessageValues, TTranslate, TTranslator } from "@/lib/i18n/translator";
import type { TActionResult } from "@/lib/server/action";

type TValues = TMessageValues;
// The form's own translator (useTranslations of its namespace): translates and tells whether a key exists.
type TFormTranslate = TTranslate & Pick<TTranslator, "has">;

/**
 * The words for an error code from the server: the form's own wording
 * ("<namespace>.errors.<code>") when it has one, else the shared message of the code
 * ("errors.codes.<code>", which every code of lib/errors.ts has), else the form's generic
 * message. `t` is the form's translator, scoped to the namespace that holds its "errors".
 */
export function useErrorMessage(t: TFormTranslate): (code: string, values?: TValues) => string {
  const shared = useTranslations("errors");
  return (code, values) => {
    if (t.has(`errors.${code}`)) return t(`errors.${code}`, values);
    if (shared.has(`codes.${code}`)) return shared(`codes.${code}`);
    return t.has("errors.generic") ? t("errors.generic", values) : shared("generic");
  };
}

/**
 * Messages for an action result: `field(name)` for the error next to a field, `form` for
 * one that belongs to no field (notFound, self, forbidden …), and `fieldCount` for the
 * summary (<FormAlert message={form} fieldErrors={fieldCount} />). The form also calls
 * useFocusFirstError(state) for its <form>'s ref (kept apart: the hooks linter takes an
 * object that holds a ref for a ref, and would forbid reading these messages in render).
 */
export function useFormErrors(state: TActionResult<unknown> | null, t: TFormTranslate) {
  const message = useErrorMessage(t);
  const failed = state && !state.ok ? state : null;
  const fieldCount = failed ? Object.keys(failed.fieldErrors ?? {}).length : 0;
  return {
    field: (name: string): string | undefined => {
      const code = failed?.fieldErrors?.[name];
      return code ? message(code) : undefined;
    },
    form: failed && !(failed.error === "invalidInput" && fieldCount > 0) ? message(failed.error) : undefined,
    fieldCount,
  };
}
