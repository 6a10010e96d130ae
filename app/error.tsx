"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: the details stay in the server log (digest), the user gets a
// polite message.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">{t("generic")}</h1>
      {error.digest && <p className="mt-4 font-mono text-xs text-slate-500">{error.digest}</p>}
    </main>
  );
}
