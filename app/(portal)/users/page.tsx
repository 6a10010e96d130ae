import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { listManageableUsers, loadUserScopeContext } from "@/lib/accounts/queries/list-users";
import { canActor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../portal-frame";
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
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <Link href="/users/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("newUser")}
          </Link>
        </div>
        <p className="text-slate-700">{t("intro")}</p>
        <form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <label className="block grow text-sm font-medium text-slate-700">
            {t("searchLabel")}
            <input
              name="q"
              defaultValue={q}
              maxLength={64}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600"
            />
          </label>
          <button type="submit" className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            {t("search")}
          </button>
        </form>

        {list.rows.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={t(q ? "emptySearchBody" : "emptyBody")} />
        ) : (
          <Table caption={t("title")} head={[t("columns.name"), t("columns.account"), t("columns.org"), t("columns.role"), t("columns.mobile"), t("columns.idNumber"), t("columns.status")]}>
                {list.rows.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.account}`}>
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">{u.name}</th>
                    <td className="px-3 py-2 font-mono">{u.account}</td>
                    <td className="px-3 py-2">{u.orgName}</td>
                    <td className="px-3 py-2">{tRoles(u.role)}</td>
                    <td className="px-3 py-2">
                      <RevealValue userId={u.id} userName={u.name} field="mobile" masked={u.mobileMasked} canReveal={canReveal} />
                    </td>
                    <td className="px-3 py-2">
                      <RevealValue userId={u.id} userName={u.name} field="idNumber" masked={u.idNumberMasked} canReveal={canReveal} />
                    </td>
                    <td className="px-3 py-2">
                      <UserStatus user={u} />
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/users/${u.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {t("manage")}
                        <span className="sr-only"> {u.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </Table>
        )}
        {list.total > 0 && (
          <Pagination
            page={list.page}
            pages={pages}
            hrefFor={pageHref}
            labels={{ nav: t("pagination"), summary: t("pageOf", { page: list.page, pages, total: list.total }), previous: t("previous"), next: t("next") }}
          />
        )}
      </main>
    </PortalFrame>
  );
}
