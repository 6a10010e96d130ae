"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { useFields } from "@/components/forms/use-fields";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { TMembersReport } from "@/lib/key-lists/mutations/add-key-list-members";
import { KEY_LIST_LIMITS } from "@/lib/key-lists/schemas";
import type { TActionResult } from "@/lib/server/action";
import { addKeyListMembersAction } from "../actions";
import { MembersReport } from "../members-report";

/** More USCCs for a list still being filled, with the report of those not added. */
export function AddMembersForm({ listId }: { listId: string }) {
  const t = useTranslations("keyLists");
  const [state, run, pending] = useActionState<TActionResult<TMembersReport> | null, FormData>(addKeyListMembersAction, null);
  const fields = useFields();
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <form ref={focusScope} action={run} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
      <h2 className="text-base font-medium">{t("addMembers.title")}</h2>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      {state?.ok && (
        <div className="space-y-2">
          <p role="status" className="text-sm text-green-800">
            {t("addMembers.added", { added: state.data.added })}
          </p>
          <MembersReport report={state.data} />
        </div>
      )}
      <input type="hidden" name="listId" value={listId} />
      <TextAreaField
        {...fields.bind("usccs")}
        label={t("form.usccs")}
        hint={t("form.usccsHint", { max: KEY_LIST_LIMITS.maxUsccs })}
        maxLength={KEY_LIST_LIMITS.usccs}
        rows={4}
        error={errors.field("usccs")}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("addMembers.submit")}
      </Button>
    </form>
  );
}
