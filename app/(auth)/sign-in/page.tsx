import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/language-switch";
import { DemoAccountList } from "@/components/auth/demo-account-list";
import { listDemoAccounts } from "@/lib/accounts/queries/list-demo-accounts";
import { getPlatformOverview } from "@/lib/overview/queries/get-platform-overview";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { orUnavailable } from "@/lib/server/database-unavailable";
import { db } from "@/lib/server/db";
import { demoModeOn } from "@/lib/server/env";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { notice } = await searchParams;
  const [t, tDemo, tApp, tAccount, accounts, overview] = await Promise.all([
    getTranslations("signIn"),
    // Its own namespace, never sent to the browser: the shared password stays off
    // every page that does not show the panel.
    getTranslations("demo"),
    getTranslations("app"),
    getTranslations("account"),
    // Without the database nobody can sign in: say so (503) rather than fail as a fault.
    // The demo accounts share one published password: listed only on a demo server.
    demoModeOn() ? orUnavailable(listDemoAccounts(db())) : [],
    orUnavailable(getPlatformOverview(db())),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <span className="text-lg font-semibold text-brand-900">{tApp("fullName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="mx-auto grid w-full max-w-5xl flex-1 gap-8 px-4 py-10 sm:px-8 md:grid-cols-2 md:items-start">
        <section aria-labelledby="sign-in-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h1 id="sign-in-title" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
          {overview.program && (
            <p className="mt-4 rounded bg-brand-50 px-3 py-2 text-sm text-brand-900">
              {t("programLine", { name: overview.program.name, docNumber: overview.program.docNumber })}
            </p>
          )}
          {notice === "passwordChanged" && (
            <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-sm text-green-900">
              {tAccount("passwordChanged")}
            </p>
          )}
          {notice === "passwordReset" && (
            <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-sm text-green-900">
              {t("passwordResetDone")}
            </p>
          )}
          <div className="mt-6">
            <SignInForm />
          </div>
          <p className="mt-4 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              {t("forgotPassword")}
            </Link>
          </p>
          <p className="mt-4 text-sm text-slate-700">
            {t("registerPrompt")}{" "}
            <Link href="/register" className="font-medium text-brand-700 underline">
              {t("registerLink")}
            </Link>
          </p>
          <p className="mt-2 text-sm text-slate-700">
            {t("directoryHint")}：
            <Link href="/directory" className="font-medium text-brand-700 underline">
              {t("directoryLink")}
            </Link>
          </p>
        </section>
        {accounts.length > 0 && (
          <section aria-labelledby="demo-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="demo-title" className="text-lg font-semibold">
              {tDemo("accounts")}
            </h2>
            <p className="mt-2 text-sm text-slate-600">{tDemo("notice")}</p>
            <DemoAccountList accounts={accounts} emptyText={tDemo("accountsEmpty")} />
          </section>
        )}
      </main>
    </div>
  );
}
