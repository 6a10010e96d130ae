import type { TActionResult } from "@/lib/server/action";

type TTranslate = { (key: string): string; has(key: string): boolean };

/**
 * Messages for an action result: `field(name)` for the error next to a field, `form` for
 * one that belongs to no field (notFound, self, forbidden …). Codes are keys under
 * "<namespace>.errors"; an unknown code shows the generic message.
 */
export function formErrors(state: TActionResult<unknown> | null, t: TTranslate) {
  const failed = state && !state.ok ? state : null;
  const message = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic"));
  const hasFieldErrors = Boolean(failed?.fieldErrors && Object.keys(failed.fieldErrors).length > 0);
  return {
    field: (name: string): string | undefined => {
      const code = failed?.fieldErrors?.[name];
      return code ? message(code) : undefined;
    },
    form: failed && !(failed.error === "invalidInput" && hasFieldErrors) ? message(failed.error) : undefined,
  };
}
