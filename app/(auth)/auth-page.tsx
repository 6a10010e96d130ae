import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";

/**
 * The frame of the pages a visitor sees before signing in (sign in, register, forgot and
 * reset password): the portal's name and the language switch above the page's main part.
 */
export async function AuthPageFrame({ mainClassName, children }: { mainClassName: string; children: React.ReactNode }) {
  const tApp = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="text-lg font-semibold text-brand-900">{tApp("fullName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className={`mx-auto w-full flex-1 px-4 py-10 sm:px-8 ${mainClassName}`}>
        {children}
      </main>
    </div>
  );
}

/** The white card with the page's title and a line under it that those pages are built around. */
export function AuthCard({ id, title, intro, children }: { id: string; title: string; intro: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 id={id} className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-1 text-sm text-slate-600">{intro}</p>
      {children}
    </section>
  );
}
