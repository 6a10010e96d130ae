import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ListTable } from "@/components/ui/list-table";
import { linkClass } from "@/components/ui/link-styles";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listRegistryGuarantors } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { OrgListPage } from "../org-list-page";

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
  return (
    <OrgListPage user={user} kind="guarantors" filters={filters} create={{ href: "/registry/guarantors/new", label: t("new") }}>
      <ListTable
        empty={{ title: tr("common.emptyTitle"), body: tr("common.emptyBody") }}
        caption={t("tableCaption")}
        rows={rows}
        rowKey={(g) => g.id}
        columns={[
          {
            key: "name",
            header: tr("common.name"),
            rowHeader: true,
            cell: (g) => (
              <Link href={`/registry/guarantors/${g.id}`} className={linkClass}>
                {g.name}
              </Link>
            ),
          },
          { key: "shortName", header: tr("common.shortName"), cell: (g) => g.shortName ?? tr("common.none") },
          {
            key: "createdAt",
            header: tr("common.createdAt"),
            onCard: false,
            cell: (g) => formatDate(g.createdAt, resolveLocale(locale)),
          },
          {
            key: "status",
            header: tr("common.status"),
            cell: (g) => <ActiveBadge active={g.active} labels={tr.raw("common.statuses")} />,
          },
        ]}
      />
    </OrgListPage>
  );
}
