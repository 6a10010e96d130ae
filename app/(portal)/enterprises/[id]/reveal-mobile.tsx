"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { revealEnterpriseContactAction } from "./actions";

export function RevealMobile({ enterpriseId, masked, canReveal }: { enterpriseId: string; masked: string; canReveal: boolean }) {
  const t = useTranslations("enterprises");
  const [shown, setShown] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, start] = useTransition();
  const reveal = () =>
    start(async () => {
      const result = await revealEnterpriseContactAction({ enterpriseId });
      if (result.ok && result.data.mobile) setShown(result.data.mobile);
      else setFailed(true);
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="contact-mobile">
        {shown ?? masked}
      </span>
      {canReveal && !shown && (
        <button type="button" onClick={reveal} disabled={pending} className="text-sm text-brand-700 underline disabled:opacity-60">
          {t("reveal")}
        </button>
      )}
      {failed && (
        <span role="alert" className="text-sm text-red-700">
          {t("revealFailed")}
        </span>
      )}
    </span>
  );
}
