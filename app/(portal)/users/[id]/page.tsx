import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getManageableUser, loadUserScopeContext } from "@/lib/accounts/queries/list-manageable-users";
import { assignableRoles } from "@/lib/accounts/schemas";
import { canActor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RevealValue } from "../reveal-value";
import { UserActions } from "../user-actions";
import { UserStatus } from "../user-status";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export default async function ManageUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("users.manageOwnOrg");
  const { id } = await params;
  const ctx = await loadUserScopeContext(db(), actor);
  // Someone else's user and an unknown id get the same answer.
  const target = await getManageableUser(db(), actor, ctx, id);
  if (!target) notFound();
  const [t, tRoles, format] = await Promise.all([getTranslations("users"), getTranslations("roles"), getFormatter()]);
  const canReveal = canActor(actor, "pii.reveal");
  const isSelf = target.id === actor.userId;
  const roles = assignableRoles(actor.role, target.orgKind);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("detail.never"));

  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/users" label={t("detail.backToList")} />
      <PageHeader title={target.name} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[auto_1fr]">
        <dt className="text-sm text-slate-600">{t("columns.account")}</dt>
        <dd className="font-mono">{target.account}</dd>
        <dt className="text-sm text-slate-600">{t("columns.org")}</dt>
        <dd>{target.orgName}</dd>
        <dt className="text-sm text-slate-600">{t("columns.role")}</dt>
        <dd>{tRoles(target.role)}</dd>
        <dt className="text-sm text-slate-600">{t("columns.mobile")}</dt>
        <dd>
          <RevealValue userId={target.id} userName={target.name} field="mobile" masked={target.mobileMasked} canReveal={canReveal} />
        </dd>
        <dt className="text-sm text-slate-600">{t("columns.idNumber")}</dt>
        <dd>
          <RevealValue userId={target.id} userName={target.name} field="idNumber" masked={target.idNumberMasked} canReveal={canReveal} />
        </dd>
        <dt className="text-sm text-slate-600">{t("columns.status")}</dt>
        <dd>
          <UserStatus user={target} />
        </dd>
        <dt className="text-sm text-slate-600">{t("detail.lastSignIn")}</dt>
        <dd>{when(target.lastSignInAt)}</dd>
        <dt className="text-sm text-slate-600">{t("detail.createdAt")}</dt>
        <dd>{when(target.createdAt)}</dd>
      </dl>
      {isSelf ? (
        <p role="note" className="rounded bg-slate-100 px-3 py-2 text-slate-700">
          {t("detail.self")}{" "}
          <Link href="/account" className="text-brand-700 underline">
            {t("detail.accountLink")}
          </Link>
        </p>
      ) : (
        <UserActions
          userId={target.id}
          active={target.active}
          role={target.role}
          roles={roles.map((r) => ({ value: r, label: tRoles(r) }))}
        />
      )}
    </main>
  );
}
