import Link from "next/link";
import { Pagination, pagerLabels } from "@/components/ui/pagination";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonLinkClass } from "@/components/ui/link-styles";
import { listOrganizations } from "@/lib/accounts/queries/list-organizations";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { LinkTabs } from "@/components/ui/link-tabs";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ kind?: string | string[]; page?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const KINDS = Object.values(OrgKind);

export default async function OrganizationsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("orgs.create");
  const params = await searchParams;
  const kindParam = first(params.kind);
  const kind = KINDS.find((k) => k === kindParam);
  const page = Number(first(params.page) ?? 1);
  const t = await getTranslations("orgs");
  const list = await listOrganizations(db(), user, { kind, page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (k: OrgKind | undefined, p = 1) =>
    `/orgs?${new URLSearchParams({ ...(k ? { kind: k } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`.replace(/\?$/, "");
  const tabs: { key: string; kind: OrgKind | undefined; label: string }[] = [
    { key: "all", kind: undefined, label: t("filterAll") },
    ...KINDS.map((k) => ({ key: k, kind: k, label: t(`kinds.${k}`) })),
  ];

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <Link href="/orgs/new" className={buttonLinkClass}>
            {t("newOrg")}
          </Link>
        }
      />
      <LinkTabs
        label={t("filterLabel")}
        current={tabs.find((tab) => tab.kind === kind)?.key ?? ""}
        tabs={tabs.map((tab) => ({ key: tab.key, href: href(tab.kind), label: tab.label }))}
      />
      {list.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <DataTable
          caption={t("title")}
          rows={list.rows}
          rowKey={(o) => o.id}
          columns={[
            {
              key: "name",
              header: t("columns.name"),
              rowHeader: true,
              className: "text-slate-900",
              cell: (o) => (
                <>
                  {o.name}
                  {o.parkCode && <span className="ml-2 font-mono text-xs text-slate-500">{o.parkCode}</span>}
                </>
              ),
            },
            {
              key: "kind",
              header: t("columns.kind"),
              cell: (o) => (
                <>
                  {t(`kinds.${o.kind}`)}
                  {o.bankLevel && <span className="text-slate-500"> · {t(`bankLevels.${o.bankLevel}`)}</span>}
                </>
              ),
            },
            {
              key: "parent",
              header: t("columns.parent"),
              cell: (o) => o.parentName ?? <span className="text-slate-400">{t("none")}</span>,
            },
            { key: "users", header: t("columns.users"), className: "tabular-nums", cell: (o) => o.userCount },
            {
              key: "status",
              header: t("columns.status"),
              cell: (o) => <Badge tone={o.active ? "ok" : "muted"}>{t(o.active ? "active" : "inactive")}</Badge>,
            },
          ]}
        />
      )}
      {list.total > 0 && (
        <Pagination
          page={list.page}
          pages={pages}
          hrefFor={(p) => href(kind, p)}
          labels={pagerLabels(t, { page: list.page, pages, total: list.total })}
        />
      )}
    </main>
  );
}
