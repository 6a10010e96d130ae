import { getTranslations } from "next-intl/server";
import { listManageableOrgs, loadUserScopeContext } from "@/lib/accounts/queries/list-manageable-users";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { CreateUserForm } from "../create-user-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  const actor = await requirePermission("users.manageOwnOrg");
  const [t, tRoles] = await Promise.all([getTranslations("users"), getTranslations("roles")]);
  const orgs = await listManageableOrgs(db(), actor, await loadUserScopeContext(db(), actor));
  return (
    <main id="main" className="mx-auto max-w-xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/users" label={t("detail.backToList")} />
      <PageHeader title={t("create.title")} />
      {orgs.length === 0 ? (
        <p role="status" className="rounded bg-slate-100 px-3 py-2 text-slate-700">
          {t("create.noOrgs")}
        </p>
      ) : (
        <CreateUserForm
          orgs={orgs.map((o) => ({ id: o.id, name: o.name, roles: o.roles.map((r) => ({ value: r, label: tRoles(r) })) }))}
          defaultOrgId={orgs.some((o) => o.id === actor.orgId) ? actor.orgId : orgs[0]!.id}
        />
      )}
    </main>
  );
}
