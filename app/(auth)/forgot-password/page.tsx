import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";

// Public: a user who cannot sign in asks for a reset link by e-mail.
export default async function ForgotPasswordPage() {
  if (await getCurrentUser()) redirect("/");
  const [t, tApp] = await Promise.all([getTranslations("passwordReset"), getTranslations("app")]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="text-lg font-semibold text-brand-900">{tApp("fullName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10 sm:px-8">
        <section aria-labelledby="forgot-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 id="forgot-title" className="text-2xl font-semibold">
            {t("forgotTitle")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("forgotIntro")}</p>
          <div className="mt-6">
            <ForgotPasswordForm />
          </div>
          <p className="mt-6 text-sm">
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              {t("backToSignIn")}
            </Link>
          </p>
        </section>
      </main>
    </div>
  );
}
