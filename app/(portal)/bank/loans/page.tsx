import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loanColumns } from "@/components/loans/loan-columns";
import { Badge } from "@/components/ui/badge";
import { linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/auth/permissions";
import { resolveLocale } from "@/lib/i18n/locales";
import { listBankLoans, type TLoanRow } from "@/lib/loans/queries/list-bank-loans";
import { getLoanEnterprise } from "@/lib/loans/queries/search-loan-enterprises";
import { ZLoanListFilter } from "@/lib/loans/schemas";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { CancelLoanForm } from "./cancel-loan-form";

export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

// The bank's loan register (贷款登记), newest record first: its own and its branches' loans,
// granted on a request or recorded here, filtered by enterprise or maturity window. A loan
// recorded here by mistake is cancelled with a reason (struck through, counted nowhere).
export default async function BankLoansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("loans.record");
  const params = await searchParams;
  const filter = ZLoanListFilter.parse({
    enterpriseId: one(params.enterpriseId),
    maturesFrom: one(params.maturesFrom),
    maturesTo: one(params.maturesTo),
  });
  const [t, locale, page, enterprise] = await Promise.all([
    getTranslations("loans"),
    getLocale().then(resolveLocale),
    listBankLoans(db(), user, filter, parsePageCursor(params)),
    filter.enterpriseId ? getLoanEnterprise(db(), filter.enterpriseId) : Promise.resolve(null),
  ]);
  const loan = await loanColumns<TLoanRow>(locale);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ).toString();
  return (
    <ListPage<TLoanRow>
      t={t}
      path="/bank/loans"
      query={query}
      wide
      create={{ href: "/bank/loans/new", label: t("record") }}
      exportFile={can(user.role, "loans.export") && { href: `/bank/loans/export?${query}`, label: t("exportButton") }}
      above={
        <>
          <form method="get" action="/bank/loans" className="flex flex-wrap items-end gap-3 text-sm" data-testid="loan-filter">
            {filter.enterpriseId && <input type="hidden" name="enterpriseId" value={filter.enterpriseId} />}
            <label className="flex flex-col gap-1 text-slate-700">
              {t("filter.maturesFrom")}
              <input
                type="date"
                name="maturesFrom"
                defaultValue={filter.maturesFrom ?? ""}
                className="rounded-md border border-slate-300 px-2 py-1"
              />
            </label>
            <label className="flex flex-col gap-1 text-slate-700">
              {t("filter.maturesTo")}
              <input
                type="date"
                name="maturesTo"
                defaultValue={filter.maturesTo ?? ""}
                className="rounded-md border border-slate-300 px-2 py-1"
              />
            </label>
            <button type="submit" className={secondaryLinkClass}>
              {t("filter.apply")}
            </button>
            {(filter.enterpriseId || filter.maturesFrom || filter.maturesTo) && (
              <Link href="/bank/loans" className={linkClass}>
                {t("filter.clear")}
              </Link>
            )}
          </form>
          {enterprise && (
            <p className="text-sm text-slate-700">{t("filter.enterprise", { name: enterprise.name, uscc: enterprise.uscc })}</p>
          )}
        </>
      }
      empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
      page={page}
      table={{
        testId: "loans-list",
        rowKey: (r) => r.id,
        rowTestId: () => "loan-row",
        columns: [
          {
            key: "enterprise",
            header: t("columns.enterprise"),
            rowHeader: true,
            cell: (r) => (
              <span className={r.cancelledAt ? "text-slate-500 line-through" : undefined}>
                <Link href={`/bank/loans?enterpriseId=${r.enterpriseId}`} className={linkClass}>
                  {r.enterpriseName}
                </Link>
                <span className="block text-xs text-slate-500">{r.uscc}</span>
              </span>
            ),
          },
          { ...loan.bank, onCard: true },
          loan.amount,
          {
            key: "terms",
            header: loan.termsHeader,
            onCard: true,
            cell: (r) => (
              <span className="flex flex-wrap items-center gap-1">
                {loan.termsText(r)}
                <Badge tone={r.isCreditLoan ? "info" : "muted"}>{loan.kindText(r)}</Badge>
                {r.isFirstLoan && <Badge tone="brand">{t("firstLoan")}</Badge>}
                {r.guarantee && <span className="text-xs text-slate-600">{t("guaranteedBy", { name: r.guarantee })}</span>}
              </span>
            ),
          },
          loan.disbursed,
          loan.matures,
          {
            key: "source",
            header: t("columns.source"),
            onCard: true,
            cell: (r) =>
              r.requestId ? (
                <Link href={`/requests/${r.requestId}`} className={linkClass}>
                  {r.requestSerial}
                </Link>
              ) : r.cancelledAt ? (
                <span className="text-sm text-slate-700">
                  <Badge tone="danger">{t("cancelled")}</Badge> {r.cancelReason}
                </span>
              ) : r.bankOrgId === user.orgId ? (
                <span className="flex flex-col gap-1">
                  {t("sourceRecorded")}
                  <CancelLoanForm loanId={r.id} />
                </span>
              ) : (
                t("sourceRecorded")
              ),
          },
        ],
      }}
    />
  );
}
