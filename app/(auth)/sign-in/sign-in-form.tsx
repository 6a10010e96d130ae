"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signIn } from "./actions";
import type { TSignInState } from "./schemas";

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<TSignInState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField
        name="account"
        label={t("account")}
        hint={t("accountHint")}
        autoComplete="username"
        defaultValue={state.account}
        error={state.error ? t(`errors.${state.error}`) : undefined}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
