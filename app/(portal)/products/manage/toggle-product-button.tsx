"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import type { TActionResult } from "@/lib/server/action";
import { deactivateProductAction, reactivateProductAction } from "../actions";

// Withdraw (下架) or restore one product. The page is revalidated on success, so the row
// then shows its new state; a failure (another bank's id, a lapsed session) is said here.
export function ToggleProductButton({ productId, name, active }: { productId: string; name: string; active: boolean }) {
  const t = useTranslations("products");
  const [state, action, pending] = useActionState<TActionResult<{ productId: string; active: boolean }> | null, FormData>(
    active ? deactivateProductAction : reactivateProductAction,
    null,
  );
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={action} className="inline">
      <input type="hidden" name="productId" value={productId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
      >
        {active ? t("manage.deactivate") : t("manage.reactivate")}
        <span className="sr-only">{t("manage.forName", { name })}</span>
      </button>
      {state?.ok && (
        <span role="status" className="sr-only">
          {t(state.data.active ? "manage.reactivated" : "manage.deactivated", { name })}
        </span>
      )}
      {errors.form && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {errors.form}
        </span>
      )}
    </form>
  );
}
