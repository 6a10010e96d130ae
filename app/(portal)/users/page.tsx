import Link from "next/link";
import { TextField } from "@/components/ui/text-field";
import { Pagination, pagerLabels } from "@/components/ui/pagination";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { buttonLinkClass, linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listManageableUsers, loadUserScopeContext } from "@/lib/accounts/queries/list-manageable-users";
import { canActor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RevealValue } from "./reveal-value";
import { UserStatus } from "./user-status";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ q?: string | string[]; page?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("users.manageOwnOrg");
  const params = await searchParams;
  const q = first(params.q)?.trim() ?? "";
  const page = Number(first(params.page) ?? 1);
  const [t, tRoles] = await Promise.all([getTranslations("users"), getTranslations("roles")]);
  const ctx = await loadUserScopeContext(db(), user);
  const list = await listManageableUsers(db(), user, ctx, { q, page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const canReveal = canActor(user, "pii.reveal");
  const pageHref = (p: number) => `/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <Link href="/users/new" className={buttonLinkClass}>
            {t("newUser")}
          </Link>
        }
      />
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <TextField name="q" type="search" label={t("searchLabel")} defaultValue={q} maxLength={64} className="grow" />
        <button type="submit" className={secondaryLinkClass}>
          {t("search")}
        </button>
      </form>

      {list.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t(q ? "emptySearchBody" : "emptyBody")} />
      ) : (
        <DataTable
          caption={t("title")}
          rows={list.rows}
          rowKey={(u) => u.id}
          rowTestId={(u) => `user-row-${u.account}`}
          columns={[
            { key: "name", header: t("columns.name"), rowHeader: true, className: "text-slate-900", cell: (u) => u.name },
            { key: "account", header: t("columns.account"), className: "font-mono", cell: (u) => u.account },
            { key: "org", header: t("columns.org"), cell: (u) => u.orgName },
            { key: "role", header: t("columns.role"), cell: (u) => tRoles(u.role) },
            {
              key: "mobile",
              header: t("columns.mobile"),
              cell: (u) => <RevealValue userId={u.id} userName={u.name} field="mobile" masked={u.mobileMasked} canReveal={canReveal} />,
            },
            {
              key: "idNumber",
              header: t("columns.idNumber"),
              onCard: false,
              cell: (u) => <RevealValue userId={u.id} userName={u.name} field="idNumber" masked={u.idNumberMasked} canReveal={canReveal} />,
            },
            { key: "status", header: t("columns.status"), cell: (u) => <UserStatus user={u} /> },
            {
              key: "actions",
              header: t("columns.actions"),
              headerHidden: true,
              cell: (u) => (
                <Link href={`/users/${u.id}`} className={linkClass}>
                  {t("manage")}
                  <span className="sr-only"> {u.name}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
      {list.total > 0 && (
        <Pagination
          page={list.page}
          pages={pages}
          hrefFor={pageHref}
          labels={pagerLabels(t, { page: list.page, pages, total: list.total })}
        />
      )}
    </main>
  );
}
