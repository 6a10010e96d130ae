"use client";

import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TTemporaryCredentials } from "@/lib/accounts/mutations/manage-users";
import type { TActionResult } from "@/lib/server/action";
import { createUserAction } from "./actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { RequiredNote } from "@/components/forms/required-note";
import { SelectField } from "@/components/ui/select-field";
import { TemporaryPassword } from "./temporary-password";
import { useFields } from "@/components/forms/use-fields";

type TOption = { value: string; label: string };
type TOrgOption = { id: string; name: string; roles: TOption[] };

type TProps = { orgs: TOrgOption[]; defaultOrgId: string };

// "Create another" starts a fresh form (and forgets the password shown).
export function CreateUserForm(props: TProps) {
  const [round, setRound] = useState(0);
  return <CreateUserRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateUserRound({ orgs, defaultOrgId, onAnother }: TProps & { onAnother: () => void }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<TActionResult<TTemporaryCredentials> | null, FormData>(createUserAction, null);
  const orgRoles = (id: string) => orgs.find((o) => o.id === id)?.roles ?? [];
  const fields = useFields({ orgId: defaultOrgId, role: orgRoles(defaultOrgId)[0]?.value ?? "" });
  const roles = orgRoles(fields.values.orgId ?? "");
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium text-green-800">
          {t("create.done")}
        </p>
        <TemporaryPassword account={state.data.account} password={state.data.temporaryPassword} />
        <button type="button" onClick={onAnother} className="text-brand-700 underline">
          {t("create.another")}
        </button>
      </div>
    );
  }

  return (
    <form
      ref={focusScope}
      action={action}
      onSubmit={keepValuesOnSubmit(action)}
      className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <SelectField
        {...fields.bind("orgId")}
        onChange={(e) => {
          fields.set("orgId", e.target.value);
          fields.set("role", orgRoles(e.target.value)[0]?.value ?? "");
        }}
        label={t("create.org")}
        options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        error={errors.field("orgId")}
      />
      <SelectField {...fields.bind("role")} label={t("columns.role")} options={roles} error={errors.field("role")} />
      <TextField
        {...fields.bind("name")}
        label={t("create.name")}
        autoComplete="off"
        maxLength={64}
        error={errors.field("name")}
        required
      />
      <TextField
        {...fields.bind("account")}
        label={t("columns.account")}
        hint={t("create.accountHint")}
        autoComplete="off"
        maxLength={64}
        error={errors.field("account")}
        required
      />
      <TextField
        {...fields.bind("mobile")}
        label={t("columns.mobile")}
        inputMode="tel"
        autoComplete="off"
        maxLength={20}
        error={errors.field("mobile")}
        required
      />
      <TextField
        {...fields.bind("idNumber")}
        label={t("create.idNumber")}
        autoComplete="off"
        maxLength={18}
        error={errors.field("idNumber")}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("create.submit")}
      </Button>
    </form>
  );
}
