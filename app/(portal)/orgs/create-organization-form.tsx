"use client";

import { RequiredNote } from "@/components/forms/required-note";
import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TCreatedOrganization } from "@/lib/accounts/mutations/create-organization";
import type { TActionResult } from "@/lib/server/action";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { SelectField } from "@/components/ui/select-field";
import { TemporaryPassword } from "../users/temporary-password";
import { useFields } from "@/components/forms/use-fields";
import { createOrganizationAction } from "./actions";

type TOption = { value: string; label: string };
type TKindOption = TOption & { roles: TOption[] };

type TProps = { kinds: TKindOption[]; parents: TOption[]; bankLevels: TOption[] };

// "Create another" starts a fresh form (and forgets the password shown).
export function CreateOrganizationForm(props: TProps) {
  const [round, setRound] = useState(0);
  return <CreateOrganizationRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateOrganizationRound({ kinds, parents, bankLevels, onAnother }: TProps & { onAnother: () => void }) {
  const t = useTranslations("orgs");
  const [state, action, pending] = useActionState<TActionResult<TCreatedOrganization> | null, FormData>(createOrganizationAction, null);
  const rolesOf = (kind: string) => kinds.find((k) => k.value === kind)?.roles ?? [];
  const initialKind = kinds[0]?.value ?? "";
  const fields = useFields({ kind: initialKind, bankLevel: "BRANCH", parentId: "", "user.role": rolesOf(initialKind)[0]?.value ?? "" });
  const kind = fields.values.kind ?? "";
  const roles = rolesOf(kind);
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium text-green-800">
          {t("create.done", { name: fields.values.name ?? "" })}
        </p>
        {state.data.firstUser && (
          <TemporaryPassword account={state.data.firstUser.account} password={state.data.firstUser.temporaryPassword} />
        )}
        <p className="flex gap-4">
          <button type="button" onClick={onAnother} className="text-brand-700 underline">
            {t("create.another")}
          </button>
          <Link href="/orgs" className="text-brand-700 underline">
            {t("backToList")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="space-y-6" noValidate>
      <RequiredNote />
      <FormAlert message={errors.form} fieldErrors={errors.fieldCount} />
      <fieldset className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <legend className="px-1 text-lg font-medium">{t("create.sectionOrg")}</legend>
        <SelectField
          {...fields.bind("kind")}
          onChange={(e) => {
            fields.set("kind", e.target.value);
            fields.set("user.role", rolesOf(e.target.value)[0]?.value ?? "");
          }}
          label={t("create.kind")}
          options={kinds}
          error={errors.field("kind")}
        />
        <TextField
          {...fields.bind("name")}
          label={t("create.name")}
          maxLength={100}
          autoComplete="off"
          error={errors.field("name")}
          required
        />
        <TextField
          {...fields.bind("shortName")}
          label={t("create.shortName")}
          maxLength={40}
          autoComplete="off"
          error={errors.field("shortName")}
        />
        {kind === "BANK" && (
          <>
            <SelectField
              {...fields.bind("bankLevel")}
              label={t("create.bankLevel")}
              options={bankLevels}
              error={errors.field("bankLevel")}
            />
            <SelectField
              {...fields.bind("parentId")}
              label={t("create.parent")}
              hint={t("create.parentHint")}
              options={[{ value: "", label: t("create.noParent") }, ...parents]}
              error={errors.field("parentId")}
            />
          </>
        )}
        {kind === "PARK" && (
          <>
            <TextField
              {...fields.bind("parkCode")}
              label={t("create.parkCode")}
              hint={t("create.parkCodeHint")}
              maxLength={32}
              autoComplete="off"
              error={errors.field("parkCode")}
              required
            />
            <TextField
              {...fields.bind("district")}
              label={t("create.district")}
              maxLength={40}
              autoComplete="off"
              error={errors.field("district")}
            />
            <TextField
              {...fields.bind("windowName")}
              label={t("create.windowName")}
              maxLength={60}
              autoComplete="off"
              error={errors.field("windowName")}
            />
            <TextField
              {...fields.bind("windowPhone")}
              label={t("create.windowPhone")}
              inputMode="tel"
              maxLength={32}
              autoComplete="off"
              error={errors.field("windowPhone")}
            />
          </>
        )}
      </fieldset>
      <fieldset className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <legend className="px-1 text-lg font-medium">{t("create.sectionUser")}</legend>
        {roles.length === 0 ? (
          <p className="text-slate-700">{t("create.noUserForKind")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("create.userHint")}</p>
            <SelectField {...fields.bind("user.role")} label={t("create.userRole")} options={roles} error={errors.field("user.role")} />
            <TextField
              {...fields.bind("user.name")}
              label={t("create.userName")}
              maxLength={64}
              autoComplete="off"
              error={errors.field("user.name")}
              required
            />
            <TextField
              {...fields.bind("user.account")}
              label={t("create.userAccount")}
              hint={t("create.userAccountHint")}
              maxLength={64}
              autoComplete="off"
              error={errors.field("user.account")}
              required
            />
            <TextField
              {...fields.bind("user.mobile")}
              label={t("create.userMobile")}
              inputMode="tel"
              maxLength={20}
              autoComplete="off"
              error={errors.field("user.mobile")}
              required
            />
            <TextField
              {...fields.bind("user.idNumber")}
              label={t("create.userIdNumber")}
              maxLength={18}
              autoComplete="off"
              error={errors.field("user.idNumber")}
            />
          </>
        )}
      </fieldset>
      <Button type="submit" disabled={pending} className="w-full">
        {t("create.submit")}
      </Button>
    </form>
  );
}
