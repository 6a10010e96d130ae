import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { buttonLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, type TPageCursor } from "@/lib/pagination/keyset";
import { parseRequestListFilters, requestListQuery } from "@/lib/requests/list-filters";
import { listRequests } from "@/lib/requests/queries/list-requests";
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
  const [t, locale, list, calendar] = await Promise.all([
    getTranslations("requestForm.list"),
    getLocale().then(resolveLocale),
    listRequests(db(), user, filters),
    loadWorkingCalendar(db()),
  ]);
  const mayCreate = can(user.role, "requests.create");
  const filtered = Boolean(filters.status || filters.type || filters.q || filters.bank || filters.park || filters.overdue);
  const hrefFor = (cursor: TPageCursor) => `/requests?${requestListQuery(filters, cursor)}`;

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
