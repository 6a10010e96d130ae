"use client";

import { useTranslations } from "next-intl";
import { ServiceUnavailable } from "@/components/errors/service-unavailable";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors";
import Link from "next/link";
import { Button } from "@/components/ui/button";

// An unexpected error inside a portal page: the details stay in the server log (the
// digest ties the two together), the user gets a polite message and a way to try again.
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) return <ServiceUnavailable reset={reset} />;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">{t("pageError")}</h1>
      <p role="alert" className="mt-4 text-slate-700">
        {t("generic")}
      </p>
      {error.digest && <p className="mt-4 font-mono text-xs text-slate-600">{error.digest}</p>}
      <div className="mt-8 flex items-center justify-center gap-6">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Link href="/" className="text-brand-700 underline">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
