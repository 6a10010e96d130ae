"use client";

import { keepValuesOnSubmit } from "@/components/forms/keep-values";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TTemporaryCredentials } from "@/lib/accounts/mutations/manage-users";
import type { TActionResult } from "@/lib/server/action";
import {
  changeRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resetPasswordAction,
  resetTotpAction,
  sendResetLinkAction,
} from "./actions";
import { FormAlert } from "@/components/forms/form-alert";
import { useFormErrors } from "@/components/forms/form-errors";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { SelectField } from "@/components/ui/select-field";
import { TemporaryPassword } from "./temporary-password";
import { useFields } from "@/components/forms/use-fields";
import { Panel } from "@/components/ui/panel";

type TState<T> = TActionResult<T> | null;

function Outcome({ state, done }: { state: TState<unknown>; done: string }) {
  const t = useTranslations("users");
  const { form } = useFormErrors(state, t);
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" className="text-green-800">
        {done}
      </p>
    );
  }
  return <FormAlert message={form} />;
}

function ChangeRole({ userId, role, roles }: { userId: string; role: string; roles: { value: string; label: string }[] }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<TState<void>, FormData>(changeRoleAction, null);
  const fields = useFields({ role });
  const errors = useFormErrors(state, t);
  const focusScope = useFocusFirstError(state);
  return (
    <Panel framed title={t("changeRole.title")} hint={t("changeRole.hint")}>
      <form ref={focusScope} action={action} onSubmit={keepValuesOnSubmit(action)} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="userId" value={userId} />
        <SelectField {...fields.bind("role")} label={t("columns.role")} options={roles} error={errors.field("role")} className="grow" />
        <Button type="submit" disabled={pending}>
          {t("changeRole.submit")}
        </Button>
      </form>
      <Outcome state={state} done={t("changeRole.done")} />
    </Panel>
  );
}

function ResetPassword({ userId }: { userId: string }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<TState<TTemporaryCredentials>, FormData>(resetPasswordAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <Panel framed title={t("resetPassword.title")} hint={t("resetPassword.hint")}>
      {state?.ok ? (
        <TemporaryPassword account={state.data.account} password={state.data.temporaryPassword} />
      ) : (
        <form ref={formRef} action={action} onSubmit={keepValuesOnSubmit(action)}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" disabled={pending}>
            {t("resetPassword.submit")}
          </Button>
        </form>
      )}
      <Outcome state={state} done={t("resetPassword.done")} />
    </Panel>
  );
}

function SimpleAction({
  userId,
  name,
  action: serverAction,
}: {
  userId: string;
  name: "sendResetLink" | "resetTotp" | "deactivate" | "reactivate";
  action: (state: TState<void>, formData: FormData) => Promise<TState<void>>;
}) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState<TState<void>, FormData>(serverAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <Panel framed title={t(`${name}.title`)} hint={t(`${name}.hint`)}>
      {!state?.ok && (
        <form ref={formRef} action={action} onSubmit={keepValuesOnSubmit(action)}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" disabled={pending}>
            {t(`${name}.submit`)}
          </Button>
        </form>
      )}
      <Outcome state={state} done={t(`${name}.done`)} />
    </Panel>
  );
}

/** What an administrator may do to one user (never to themself: see the account page). */
export function UserActions({
  userId,
  active,
  role,
  roles,
}: {
  userId: string;
  active: boolean;
  role: string;
  roles: { value: string; label: string }[];
}) {
  return (
    <div className="space-y-4">
      {roles.length > 1 && <ChangeRole userId={userId} role={role} roles={roles} />}
      <ResetPassword userId={userId} />
      {active && <SimpleAction userId={userId} name="sendResetLink" action={sendResetLinkAction} />}
      <SimpleAction userId={userId} name="resetTotp" action={resetTotpAction} />
      {active ? (
        <SimpleAction key="deactivate" userId={userId} name="deactivate" action={deactivateUserAction} />
      ) : (
        <SimpleAction key="reactivate" userId={userId} name="reactivate" action={reactivateUserAction} />
      )}
    </div>
  );
}
