import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";
import { listActiveParks } from "@/lib/registry/queries/list-active-parks";
import { ENTERPRISE_SIZES, INDUSTRY_SECTIONS } from "@/lib/registry/rules";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RegisterForm } from "./register-form";

export const dynamic = "force-dynamic";

// Public: an enterprise signs itself up; its park's window reviews it (/park/registrations).
export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/");
  const [t, tApp, parks] = await Promise.all([getTranslations("registration"), getTranslations("app"), listActiveParks(db())]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="text-lg font-semibold text-brand-900">{tApp("fullName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10 sm:px-8">
        <section aria-labelledby="register-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 id="register-title" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
          <div className="mt-6">
            <RegisterForm parks={parks.map((p) => ({ id: p.id, name: p.name }))} sections={INDUSTRY_SECTIONS} sizes={ENTERPRISE_SIZES} />
          </div>
        </section>
      </main>
    </div>
  );
}
