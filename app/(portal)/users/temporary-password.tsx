"use client";

import { useTranslations } from "next-intl";

// The generated password, shown this once: it is not stored anywhere in clear.
export function TemporaryPassword({ account, password }: { account: string; password: string }) {
  const t = useTranslations("users.temporaryPassword");
  return (
    <section aria-labelledby="temporary-password-title" className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
      <h2 id="temporary-password-title" className="font-medium text-amber-900">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-sm text-slate-600">{t("account")}</dt>
        <dd className="font-mono" data-testid="temporary-account">
          {account}
        </dd>
        <dt className="text-sm text-slate-600">{t("password")}</dt>
        <dd className="select-all font-mono text-lg" data-testid="temporary-password">
          {password}
        </dd>
      </dl>
      <p className="text-sm text-amber-900">{t("hint")}</p>
    </section>
  );
}
