import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

// Public: the page an e-mailed reset link opens. Whether the token is good is decided when
// the form is sent (resetPasswordWithToken), so merely opening a link consumes nothing and
// a link preview by a mail client cannot use it up.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const [t, tApp] = await Promise.all([getTranslations("passwordReset"), getTranslations("app")]);
  const value = typeof token === "string" ? token.trim() : "";
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="text-lg font-semibold text-brand-900">{tApp("fullName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10 sm:px-8">
        <section aria-labelledby="reset-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 id="reset-title" className="text-2xl font-semibold">
            {t("resetTitle")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("resetIntro")}</p>
          <div className="mt-6">
            {value ? (
              <ResetPasswordForm token={value} />
            ) : (
              <p role="alert" className="text-sm text-red-700">
                {t("missingToken")}{" "}
                <Link href="/forgot-password" className="font-medium text-brand-700 underline">
                  {t("requestAgain")}
                </Link>
              </p>
            )}
          </div>
        </section>
      </main>
    </div>
  );
}
