import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} />
      <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-lg font-medium">{t("passwordTitle")}</h2>
        <Link href="/account/password" className="mt-2 inline-block text-brand-700 underline">
          {t("savePassword")}
        </Link>
      </section>
      <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-lg font-medium">{t("totpTitle")}</h2>
        {user.totpEnabled ? (
          <p className="mt-2 text-slate-700">{t("totpEnabled")}</p>
        ) : (
          <Link href="/account/totp" className="mt-2 inline-block text-brand-700 underline">
            {t("totpEnable")}
          </Link>
        )}
      </section>
    </main>
  );
}
