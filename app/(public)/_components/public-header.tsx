import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";
import { PublicNav } from "./public-nav";

/** The public portal's banner: name, the four sections, register / sign in, language. */
export async function PublicHeader() {
  const [t, tApp] = await Promise.all([getTranslations("portal.header"), getTranslations("app")]);
  const items = [
    { href: "/", label: t("home") },
    { href: "/products", label: t("products") },
    { href: "/directory", label: t("directory") },
    { href: "/documents", label: t("documents") },
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-3 sm:px-8">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <Link href="/" className="flex items-baseline gap-2 text-brand-900">
            <span className="text-xl font-bold tracking-wider sm:hidden">{tApp("name")}</span>
            <span className="hidden text-lg font-bold tracking-wide sm:inline">{tApp("fullName")}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <Link href="/register" className="rounded-md px-2 py-1 font-medium text-brand-700 underline-offset-4 hover:underline">
              {t("register")}
            </Link>
            <Link href="/sign-in" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">
              {t("signIn")}
            </Link>
            <LanguageSwitch />
          </div>
        </div>
        <PublicNav label={t("navLabel")} items={items} />
      </div>
    </header>
  );
}
