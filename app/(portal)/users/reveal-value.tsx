"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TPiiField } from "@/lib/accounts/schemas";
import type { TActionResult } from "@/lib/server/action";
import { revealPiiAction } from "./actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";

type TState = TActionResult<{ value: string | null }> | null;

/**
 * A masked mobile or ID number; with `canReveal`, a "show" button that fetches the full
 * value for this one user (the server checks pii.reveal and the scope, and audits it).
 */
export function RevealValue({
  userId,
  userName,
  field,
  masked,
  canReveal,
}: {
  userId: string;
  userName: string;
  field: TPiiField;
  masked: string | null;
  canReveal: boolean;
}) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<TState, FormData>(revealPiiAction, null);
  const error = useFormErrors(state, t).form;
  const focusScope = useFocusFirstError(state);
  if (masked === null) return <span className="text-slate-400">{t("none")}</span>;
  if (state?.ok) {
    return (
      <span className="font-mono" data-testid={`revealed-${field}`}>
        {state.data.value ?? t("none")}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono">{masked}</span>
      {canReveal && (
        <form ref={focusScope} action={action} className="inline">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="field" value={field} />
          <button
            type="submit"
            disabled={pending}
            aria-label={t("revealLabel", { name: userName, field: t(`fields.${field}`) })}
            className="rounded px-1.5 py-0.5 text-sm text-brand-700 underline-offset-2 hover:underline disabled:opacity-60"
          >
            {t("reveal")}
          </button>
        </form>
      )}
      <FormAlert message={error ?? undefined} inline />
    </span>
  );
}
