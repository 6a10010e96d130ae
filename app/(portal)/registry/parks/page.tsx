import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ListTable } from "@/components/ui/list-table";
import { linkClass } from "@/components/ui/link-styles";
import { listRegistryParks } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { OrgListPage } from "../org-list-page";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryParksPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("contacts.read");
  const filters = parseOrgFilters(await searchParams);
  const [t, tr, parks] = await Promise.all([
    getTranslations("registry.parks"),
    getTranslations("registry"),
    listRegistryParks(db(), user, filters),
  ]);
  const none = tr("common.none");
  return (
    <OrgListPage user={user} kind="parks" filters={filters} create={{ href: "/orgs/new", label: t("newOrg") }}>
      <ListTable
        empty={{ title: tr("common.emptyTitle"), body: tr("common.emptyBody") }}
        caption={t("tableCaption")}
        rows={parks}
        rowKey={(p) => p.orgId}
        columns={[
          { key: "code", header: t("code"), className: "font-mono", onCard: false, cell: (p) => p.code },
          {
            key: "name",
            header: t("name"),
            rowHeader: true,
            cell: (p) => (
              <Link href={`/registry/parks/${p.orgId}`} className={linkClass}>
                {p.name}
              </Link>
            ),
          },
          { key: "district", header: t("district"), cell: (p) => p.district ?? none },
          { key: "windowName", header: t("windowName"), onCard: false, cell: (p) => p.windowName ?? none },
          { key: "windowPhone", header: t("windowPhone"), className: "whitespace-nowrap", cell: (p) => p.windowPhone ?? none },
          { key: "enterprises", header: t("enterprises"), className: "tabular-nums", cell: (p) => p.enterpriseCount },
          {
            key: "status",
            header: tr("common.status"),
            cell: (p) => <ActiveBadge active={p.active} labels={tr.raw("common.statuses")} />,
          },
        ]}
      />
    </OrgListPage>
  );
}
