import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { searchLoanEnterprises } from "@/lib/loans/queries/search-loan-enterprises";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { RecordLoanForm } from "./record-loan-form";

export const dynamic = "force-dynamic";

// Record a loan made outside a request: find the enterprise (USCC or part of its name,
// any approved registration), then the loan's terms. The loan is the user's own bank's.
export default async function NewLoanPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("loans.record");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const [t, found] = await Promise.all([getTranslations("loans"), q ? searchLoanEnterprises(db(), user, q) : Promise.resolve([])]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/bank/loans" label={t("back")} />
      <PageHeader title={t("form.title")} intro={t("form.intro")} />
      <form method="get" action="/bank/loans/new" role="search" className="flex flex-wrap items-end gap-3" data-testid="enterprise-search">
        <label className="flex grow flex-col gap-1 text-sm font-medium text-slate-700">
          {t("form.search")}
          <input name="q" defaultValue={q} className="rounded-md border border-slate-300 px-3 py-2" placeholder={t("form.searchHint")} />
        </label>
        <button type="submit" className={secondaryLinkClass}>
          {t("form.searchButton")}
        </button>
      </form>
      {q && found.length === 0 && <p className="text-slate-700">{t("form.noMatch")}</p>}
      {found.length > 0 && <RecordLoanForm enterprises={found} />}
    </main>
  );
}
