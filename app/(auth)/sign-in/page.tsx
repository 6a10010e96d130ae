import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoAccountList } from "@/components/auth/demo-account-list";
import { listDemoAccounts } from "@/lib/accounts/queries/list-demo-accounts";
import { getPlatformOverview } from "@/lib/overview/queries/get-platform-overview";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { orUnavailable } from "@/lib/server/database-unavailable";
import { db } from "@/lib/server/db";
import { demoModeOn } from "@/lib/server/env";
import { AuthCard, AuthPageFrame } from "../auth-page";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { notice } = await searchParams;
  const [t, tDemo, tAccount, accounts, overview] = await Promise.all([
    getTranslations("signIn"),
    // Its own namespace, never sent to the browser: the shared password stays off
    // every page that does not show the panel.
    getTranslations("demo"),
    getTranslations("account"),
    // Without the database nobody can sign in: say so (503) rather than fail as a fault.
    // The demo accounts share one published password: listed only on a demo server.
    demoModeOn() ? orUnavailable(listDemoAccounts(db())) : [],
    orUnavailable(getPlatformOverview(db())),
  ]);
  return (
    <AuthPageFrame mainClassName="grid max-w-5xl gap-8 md:grid-cols-2 md:items-start">
      <AuthCard id="sign-in-title" title={t("title")} intro={t("subtitle")}>
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
      </AuthCard>
      {accounts.length > 0 && (
        <section aria-labelledby="demo-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="demo-title" className="text-lg font-semibold">
            {tDemo("accounts")}
          </h2>
          <p className="mt-2 text-sm text-slate-600">{tDemo("notice")}</p>
          <DemoAccountList accounts={accounts} />
        </section>
      )}
    </AuthPageFrame>
  );
}
