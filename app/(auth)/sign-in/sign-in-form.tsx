"use client";

import { useActionState, useState } from "react";
import { RequiredNote } from "@/components/forms/required-note";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { signInAction } from "./actions";
import type { TSignInError, TSignInState } from "./sign-in-state";

type TState = TActionResult<TSignInState> | null;

function view(state: TState): TSignInState {
  if (!state) return {};
  if (state.ok) return state.data;
  const [field, code] = Object.entries(state.fieldErrors ?? {})[0] ?? ["password", "invalid"];
  return { error: code as TSignInError, field: field as TSignInState["field"] };
}

export function SignInForm() {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<TState, FormData>(signInAction, null);
  const s = view(state);
  const formRef = useFocusFirstError(state);
  // Controlled, so React's reset after the action keeps them when a code is asked for.
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const errorFor = (field: TSignInState["field"]) =>
    s.error && s.field === field ? t(`errors.${s.error}`, { minutes: s.retryMinutes ?? 15 }) : undefined;
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <RequiredNote />
      <TextField
        name="login"
        label={t("login")}
        hint={t("loginHint")}
        autoComplete="username"
        value={login}
        onChange={(e) => setLogin(e.target.value)}
        error={errorFor("login")}
        required
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errorFor("password")}
        required
      />
      {s.askTotp && (
        <TextField
          name="totp"
          label={t("totp")}
          hint={t("totpHint")}
          autoComplete="one-time-code"
          inputMode="text"
          error={errorFor("totp")}
          autoFocus
        />
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
