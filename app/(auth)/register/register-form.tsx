"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { RequiredNote } from "@/components/forms/required-note";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/forms/form-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TActionResult } from "@/lib/server/action";
import { registerEnterpriseAction, type TRegisterResult } from "./actions";
import { SelectField } from "@/components/ui/select-field";

type TState = TActionResult<TRegisterResult> | null;

const FIELDS = [
  "uscc",
  "name",
  "parkId",
  "industrySection",
  "size",
  "contactName",
  "contactMobile",
  "account",
  "password",
  "confirmPassword",
] as const;
type TField = (typeof FIELDS)[number];

const EMPTY = Object.fromEntries(FIELDS.map((f) => [f, ""])) as Record<TField, string>;

export function RegisterForm({
  parks,
  sections,
  sizes,
}: {
  parks: ReadonlyArray<{ id: string; name: string }>;
  sections: readonly string[];
  sizes: readonly string[];
}) {
  const t = useTranslations("registration");
  const message = useErrorMessage(t);
  const [state, action, pending] = useActionState<TState, FormData>(registerEnterpriseAction, null);
  const formRef = useFocusFirstError(state);
  const [values, setValues] = useState(EMPTY);
  // React resets a form after its action runs, and the reset empties <select>s even when
  // controlled: submit ourselves (no reset) so what was typed and chosen stays. The
  // action prop still serves a browser without JavaScript.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  if (state?.ok) {
    const r = state.data;
    return (
      <section role="status" aria-labelledby="registration-done" className="space-y-3">
        <h2 id="registration-done" className="text-xl font-semibold text-green-900">
          {t("successTitle")}
        </h2>
        <p className="text-slate-700">{t("successBody", { name: r.enterpriseName, park: r.parkName })}</p>
        {r.windowName && (
          <p className="text-slate-700">
            {r.windowPhone
              ? t("successWindowPhone", { window: r.windowName, phone: r.windowPhone })
              : t("successWindow", { window: r.windowName })}
          </p>
        )}
        <p className="text-slate-700">{t("successAccount", { account: r.account })}</p>
        <Link href="/sign-in" className="inline-block text-brand-700 underline">
          {t("signIn")}
        </Link>
      </section>
    );
  }

  const error = (name: TField) => {
    const code = state && !state.ok ? state.fieldErrors?.[name] : undefined;
    return code ? t(`errors.${code}`) : undefined;
  };
  const bind = (name: TField) => ({
    name,
    value: values[name],
    error: error(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const formError =
    state && !state.ok ? (state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? t("formError") : message(state.error)) : null;

  return (
    <form ref={formRef} action={action} onSubmit={submit} className="space-y-6" noValidate>
      <FormAlert message={formError ?? undefined} />
      <RequiredNote />
      <fieldset className="space-y-4">
        <legend className="text-lg font-medium">{t("enterpriseSection")}</legend>
        <TextField {...bind("uscc")} label={t("uscc")} hint={t("usccHint")} autoComplete="off" spellCheck={false} maxLength={40} required />
        <TextField {...bind("name")} label={t("name")} hint={t("nameHint")} autoComplete="organization" maxLength={100} required />
        <SelectField
          {...bind("parkId")}
          label={t("park")}
          placeholder={t("parkPlaceholder")}
          options={parks.map((p) => ({ value: p.id, label: p.name }))}
          required
        />
        <SelectField
          {...bind("industrySection")}
          label={t("industrySection")}
          placeholder={t("industryPlaceholder")}
          options={sections.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
          required
        />
        <SelectField
          {...bind("size")}
          label={t("size")}
          placeholder={t("sizePlaceholder")}
          options={sizes.map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
          required
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-medium">{t("contactSection")}</legend>
        <TextField {...bind("contactName")} label={t("contactName")} autoComplete="name" maxLength={32} required />
        <TextField
          {...bind("contactMobile")}
          label={t("contactMobile")}
          hint={t("contactMobileHint")}
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          maxLength={20}
          required
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-medium">{t("accountSection")}</legend>
        <TextField
          {...bind("account")}
          label={t("account")}
          hint={t("accountHint")}
          autoComplete="username"
          maxLength={32}
          spellCheck={false}
          required
        />
        <TextField
          {...bind("password")}
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="new-password"
          maxLength={128}
          required
        />
        <TextField
          {...bind("confirmPassword")}
          label={t("confirmPassword")}
          type="password"
          autoComplete="new-password"
          maxLength={128}
          required
        />
      </fieldset>
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
    </form>
  );
}
