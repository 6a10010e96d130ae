"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The error page's text when the database cannot be reached: nothing is wrong with what the user did. */
export function ServiceUnavailable({ reset }: { reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-xl font-semibold">{t("unavailableTitle")}</h1>
      <p role="alert" className="mt-4 text-slate-700">
        {t("unavailable")}
      </p>
      <Button type="button" onClick={reset} className="mt-8">
        {t("retry")}
      </Button>
    </main>
  );
}
