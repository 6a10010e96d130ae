import { getTranslations } from "next-intl/server";

export async function PublicFooter() {
  const [t, tApp] = await Promise.all([getTranslations("portal.footer"), getTranslations("app")]);
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-6 text-sm leading-7 text-slate-600 sm:px-8">
        <p className="font-medium text-slate-800">{tApp("fullName")}</p>
        <p className="max-w-prose">{t("about")}</p>
        <p className="max-w-prose">{t("note")}</p>
      </div>
    </footer>
  );
}
