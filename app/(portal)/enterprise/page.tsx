import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getEnterpriseDashboard } from "@/lib/dashboard/queries/get-enterprise-dashboard";
import { listEnterpriseLoans } from "@/lib/loans/queries/list-enterprise-loans";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ClosedItem } from "./closed-item";
import { RequestCard } from "./request-card";
import { MyLoans } from "./my-loans";
import { Reminders, StatusCounts, TodoList } from "./reminders";
import { OpenQuestionnaires } from "./open-questionnaires";

export const dynamic = "force-dynamic";

const primaryButton =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-5 py-3 text-base font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

// "Where are my requests?" — the enterprise's items as progress trackers, what it must
// do now, reminders, and counts that open the list behind them.
export default async function EnterpriseDashboardPage() {
  const user = await requirePermission("dashboard.enterprise");
  const [t, locale, data, loans] = await Promise.all([
    getTranslations("dashboardEnterprise"),
    getLocale().then(resolveLocale),
    getEnterpriseDashboard(db(), user),
    listEnterpriseLoans(db(), user),
  ]);
  if (!data) notFound();
  const approved = data.registrationStatus === "APPROVED";

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("title")}
        intro={<span className="break-words">{t("intro", { name: data.enterpriseName })}</span>}
        actions={
          approved && (
            <Link href="/requests/new" className={primaryButton} data-testid="new-request">
              {t("newRequest")}
            </Link>
          )
        }
      />
      {!approved && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-amber-300">
          {t(data.registrationStatus === "REJECTED" ? "rejected" : "notApproved")}
        </p>
      )}
      {approved && <OpenQuestionnaires user={user} />}
      {data.total === 0 ? (
        <div className="space-y-4">
          <EmptyState title={t("empty.title")} body={t("empty.body")} />
          <p className="text-center text-sm text-slate-700">{t("newRequestHint")}</p>
          <Reminders data={data} locale={locale} />
        </div>
      ) : (
        <>
          <TodoList data={data} />
          <Reminders data={data} locale={locale} />
          <section aria-labelledby="items-title" className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="items-title" className="text-lg font-medium">
                {t("items.title")}
              </h2>
              <Link href="/requests" className="text-sm text-brand-700 underline underline-offset-4">
                {t("items.viewAll")}
              </Link>
            </div>
            <p className="text-sm text-slate-700">{t("items.count", { count: data.openTotal })}</p>
            <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              {data.open.map((item) => (
                <li key={item.id}>
                  <RequestCard item={item} locale={locale} />
                </li>
              ))}
            </ul>
            {data.openTotal > data.open.length && (
              <p className="text-sm">
                <Link href="/requests" className="text-brand-700 underline underline-offset-4">
                  {t("items.more", { count: data.openTotal - data.open.length })}
                </Link>
              </p>
            )}
          </section>
          {data.recentClosed.length > 0 && (
            <section aria-labelledby="closed-title" className="space-y-3">
              <h2 id="closed-title" className="text-lg font-medium">
                {t("items.closedTitle")}
              </h2>
              <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                {data.recentClosed.map((item) => (
                  <ClosedItem key={item.id} item={item} locale={locale} />
                ))}
              </ul>
            </section>
          )}
          <StatusCounts data={data} />
        </>
      )}
      <MyLoans loans={loans} locale={locale} />
    </main>
  );
}
