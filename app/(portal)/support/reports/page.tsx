import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LinkTabs } from "@/components/ui/link-tabs";
import { linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { SUPPORT_REPORT_STATUSES, listSupportReports, parseSupportReportFilters } from "@/lib/support/queries/list-support-reports";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { reportColumns } from "../report-columns";
import { SupportTabs } from "../support-tabs";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The monthly reports, newest month first: the reviewing office's queue (filter 待审核), a
// bank's own reports (filter 已退回 / 逾期未报 for what it still owes), with an Excel export.
export default async function SupportReportsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("support.read");
  const params = await searchParams;
  const filters = parseSupportReportFilters(params);
  const ctx = await loadScopeContext(db(), user);
  const [t, locale, page] = await Promise.all([
    getTranslations("support"),
    getLocale().then(resolveLocale),
    listSupportReports(db(), user, ctx, filters, parsePageCursor(params)),
  ]);
  const status = filters.status ? `status=${filters.status}` : "";
  const hrefFor = (c: TPageCursor) =>
    `/support/reports?${[status, `${c.direction}=${encodeURIComponent(c.token)}`].filter(Boolean).join("&")}`;
  const total = cappedCountParams(page.total);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("reports.title")}
        intro={t("reports.intro")}
        actions={
          <DownloadLink href={`/support/reports/export${status ? `?${status}` : ""}`} className={secondaryLinkClass}>
            {t("reports.export")}
          </DownloadLink>
        }
      />
      <SupportTabs current="reports" />
      <LinkTabs
        label={t("reports.filterLabel")}
        current={filters.status ?? "all"}
        tabs={[
          { key: "all", label: t("reports.all"), href: "/support/reports" },
          ...SUPPORT_REPORT_STATUSES.map((s) => ({ key: s, label: t(`statuses.${s}`), href: `/support/reports?status=${s}` })),
        ]}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={t("reports.emptyTitle")} body={t("reports.emptyBody")} />
      ) : (
        <>
          <DataTable
            caption={t("reports.title")}
            testId="support-reports"
            rows={page.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "enterprise",
                header: t("columns.enterprise"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/support/reports/${r.id}`} className={linkClass}>
                    {r.enterpriseName} · {r.month}
                  </Link>
                ),
              },
              { key: "bank", header: t("columns.bank"), cell: (r) => r.bankName, onCard: true },
              ...reportColumns<(typeof page.rows)[number]>(t, locale),
            ]}
          />
          <KeysetPager
            previous={page.previous}
            next={page.next}
            hrefFor={hrefFor}
            labels={{ nav: t("pager.nav"), previous: t("pager.previous"), next: t("pager.next"), summary: t("reports.total", total) }}
          />
        </>
      )}
    </main>
  );
}
