import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { buttonLinkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, type TPageCursor } from "@/lib/pagination/keyset";
import { parseRequestListFilters, requestListQuery } from "@/lib/requests/list-filters";
import { listRequests } from "@/lib/requests/queries/list-requests";
import { PROBLEM_LIST_MAX_ROWS, PROBLEM_LIST_PDF_MAX_ROWS } from "@/lib/requests/queries/read-problem-list";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { NarrowedBy } from "./narrowed-by";
import { RequestFilters } from "./request-filters";
import { RequestsTable } from "./requests-table";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// One list, named for who reads it: the enterprise's own requests (drafts included), the
// park's problem list, the items routed to a bank, everything submitted for the finance
// office and the central bank. The scope is in the query (lib/requests/queries).
export default async function RequestsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("requests.read");
  const filters = parseRequestListFilters(await searchParams);
  const area = areaOfRole(user.role);
  const [t, tLedgers, locale, list, calendar] = await Promise.all([
    getTranslations("requestForm.list"),
    getTranslations("ledgers.download"),
    getLocale().then(resolveLocale),
    listRequests(db(), user, filters),
    loadWorkingCalendar(db()),
  ]);
  const mayCreate = can(user.role, "requests.create");
  const filtered = Boolean(filters.status || filters.type || filters.q || filters.bank || filters.park || filters.overdue);
  const hrefFor = (cursor: TPageCursor) => `/requests?${requestListQuery(filters, cursor)}`;
  // The problem list as a file: the same filters as the list on screen, every page of it.
  const mayDownload = can(user.role, "problemList.export");
  const fileQuery = requestListQuery(filters);
  const fileHref = (format: "export" | "pdf") => `/requests/problem-list/${format}${fileQuery ? `?${fileQuery}` : ""}`;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t(`title.${area}`)}
        intro={t(`intro.${area}`)}
        actions={
          mayCreate && (
            <Link href="/requests/new" className={buttonLinkClass}>
              {t("newRequest")}
            </Link>
          )
        }
      />
      <RequestFilters filters={filters} showDrafts={mayCreate} />
      {mayDownload && (
        <div className="flex flex-wrap items-center gap-3" data-testid="problem-list-downloads">
          <DownloadLink href={fileHref("export")} className={secondaryLinkClass}>
            {tLedgers("excel")}
          </DownloadLink>
          <DownloadLink href={fileHref("pdf")} className={secondaryLinkClass}>
            {tLedgers("pdf")}
          </DownloadLink>
          <p className="text-sm text-slate-600">
            {tLedgers("problemListHint", {
              max: PROBLEM_LIST_MAX_ROWS.toLocaleString(locale),
              pdfMax: PROBLEM_LIST_PDF_MAX_ROWS.toLocaleString(locale),
            })}
          </p>
        </div>
      )}
      <NarrowedBy filters={filters} />
      {list.rows.length === 0 ? (
        <div className="space-y-4">
          <EmptyState
            title={t(filtered ? "emptyFilteredTitle" : `empty.${area}.title`)}
            body={t(filtered ? "emptyFilteredBody" : `empty.${area}.body`)}
          />
          {mayCreate && !filtered && (
            <p className="text-center">
              <Link href="/requests/new" className={buttonLinkClass}>
                {t("newRequest")}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <RequestsTable rows={list.rows} area={area} locale={locale} calendar={calendar} caption={t(`title.${area}`)} />
      )}
      {list.rows.length > 0 && (
        <KeysetPager
          previous={list.previous}
          next={list.next}
          hrefFor={hrefFor}
          labels={{ nav: t("pagination"), summary: t("total", cappedCountParams(list.total)), previous: t("previous"), next: t("next") }}
        />
      )}
    </main>
  );
}
