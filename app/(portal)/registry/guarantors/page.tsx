import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listRegistryGuarantors } from "@/lib/registry/queries/registry-orgs";
import { filtersQuery, parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { OrgListHeader } from "../org-list-header";
import { Badge, Table, cell, linkClass } from "../parts";

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
        <OrgListHeader
          user={user}
          title={t("title")}
          intro={t("intro")}
          create={{ href: "/registry/guarantors/new", label: t("new") }}
          exportPath="/registry/guarantors/export"
          exportQuery={query}
          keyword={{ label: t("keywordLabel"), value: filters.q }}
          status={filters.status}
        />
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
