import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { canActor } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listRegistryGuarantors } from "@/lib/registry/queries/registry-orgs";
import { STATUS_FILTERS, filtersQuery, parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { Badge, BackLink, FilterSelect, KeywordInput, PageHeader, Table, buttonLinkClass, cell, linkClass, secondaryLinkClass } from "../parts";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryGuarantorsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("contacts.read");
  const filters = parseOrgFilters(await searchParams);
  const [t, tr, locale, rows] = await Promise.all([
    getTranslations("registry.guarantors"),
    getTranslations("registry"),
    getLocale(),
    listRegistryGuarantors(db(), user, filters),
  ]);
  const query = filtersQuery({ q: filters.q, status: filters.status });
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <BackLink href="/registry" label={tr("common.backToIndex")} />
        <PageHeader
          title={t("title")}
          intro={t("intro")}
          actions={
            <>
              {canActor(user, "orgs.create") && (
                <Link href="/registry/guarantors/new" className={buttonLinkClass}>
                  {t("new")}
                </Link>
              )}
              {canActor(user, "registry.export") && (
                <a href={`/registry/guarantors/export${query ? `?${query}` : ""}`} className={secondaryLinkClass} download>
                  {tr("common.export")}
                </a>
              )}
            </>
          }
        />
        <form method="get" role="search" className="grid grid-cols-1 items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
          <div className="sm:col-span-2">
            <KeywordInput label={t("keywordLabel")} value={filters.q} />
          </div>
          {canActor(user, "orgs.read") && (
            <FilterSelect name="status" label={tr("common.status")} value={filters.status}
              options={STATUS_FILTERS.map((s) => ({ value: s, label: tr(`common.statuses.${s}`) }))} />
          )}
          <button type="submit" className={secondaryLinkClass}>
            {tr("common.search")}
          </button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={tr("common.emptyTitle")} body={tr("common.emptyBody")} />
        ) : (
          <Table caption={t("tableCaption")} head={[tr("common.name"), tr("common.shortName"), tr("common.createdAt"), tr("common.status")]}>
            {rows.map((g) => (
              <tr key={g.id}>
                <th scope="row" className={`${cell} font-medium`}>
                  <Link href={`/registry/guarantors/${g.id}`} className={linkClass}>{g.name}</Link>
                </th>
                <td className={cell}>{g.shortName ?? tr("common.none")}</td>
                <td className={cell}>{formatDate(g.createdAt, resolveLocale(locale))}</td>
                <td className={cell}><Badge tone={g.active ? "ok" : "muted"}>{tr(`common.statuses.${g.active ? "active" : "inactive"}`)}</Badge></td>
              </tr>
            ))}
          </Table>
        )}
      </main>
    </PortalFrame>
  );
}
