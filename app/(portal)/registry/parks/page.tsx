import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listRegistryParks } from "@/lib/registry/queries/registry-orgs";
import { filtersQuery, parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { OrgListHeader } from "../org-list-header";
import { Badge, Table, cell, linkClass } from "../parts";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryParksPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("contacts.read");
  const filters = parseOrgFilters(await searchParams);
  const [t, tr, parks] = await Promise.all([getTranslations("registry.parks"), getTranslations("registry"), listRegistryParks(db(), user, filters)]);
  const query = filtersQuery({ q: filters.q, status: filters.status });
  const none = tr("common.none");
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <OrgListHeader
          user={user}
          title={t("title")}
          intro={t("intro")}
          create={{ href: "/orgs/new", label: t("newOrg") }}
          exportPath="/registry/parks/export"
          exportQuery={query}
          keyword={{ label: t("keywordLabel"), value: filters.q }}
          status={filters.status}
        />
        {parks.length === 0 ? (
          <EmptyState title={tr("common.emptyTitle")} body={tr("common.emptyBody")} />
        ) : (
          <Table caption={t("tableCaption")} head={[t("code"), t("name"), t("district"), t("windowName"), t("windowPhone"), t("enterprises"), tr("common.status")]}>
            {parks.map((p) => (
              <tr key={p.orgId}>
                <td className={`${cell} font-mono`}>{p.code}</td>
                <th scope="row" className={`${cell} font-medium`}>
                  <Link href={`/registry/parks/${p.orgId}`} className={linkClass}>{p.name}</Link>
                </th>
                <td className={cell}>{p.district ?? none}</td>
                <td className={cell}>{p.windowName ?? none}</td>
                <td className={`${cell} whitespace-nowrap`}>{p.windowPhone ?? none}</td>
                <td className={`${cell} tabular-nums`}>{p.enterpriseCount}</td>
                <td className={cell}><Badge tone={p.active ? "ok" : "muted"}>{tr(`common.statuses.${p.active ? "active" : "inactive"}`)}</Badge></td>
              </tr>
            ))}
          </Table>
        )}
      </main>
    </PortalFrame>
  );
}
