"use client";

import { useTranslations } from "next-intl";
import { ServiceUnavailable } from "@/components/errors/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors";
import { Button } from "@/components/ui/button";

// Unexpected errors: the details stay in the server log (digest), the user gets a
// polite message and a way to try again.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <ServiceUnavailable reset={reset} />;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">{t("generic")}</h1>
      {error.digest && <p className="mt-4 font-mono text-xs text-slate-600">{error.digest}</p>}
      <Button type="button" onClick={reset} className="mt-8">
        {t("retry")}
      </Button>
    </main>
  );
}
