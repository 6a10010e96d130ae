import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { asFormAction } from "@/lib/server/action";
import { LOCALES } from "@/lib/i18n/locales";

export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={asFormAction(setLocaleAction)} aria-label={t("label")} className="flex items-center gap-1 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 aria-pressed:font-semibold aria-pressed:text-brand-700"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
