import { getTranslations } from "next-intl/server";
import { listParentBankOptions } from "@/lib/accounts/queries/list-organizations";
import { CREATABLE_ORG_KINDS, assignableRoles } from "@/lib/accounts/schemas";
import { BankLevel } from "@/lib/generated/prisma/enums";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { CreateOrganizationForm } from "../create-organization-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export default async function NewOrganizationPage() {
  const user = await requirePermission("orgs.create");
  const [t, tRoles] = await Promise.all([getTranslations("orgs"), getTranslations("roles")]);
  const parents = await listParentBankOptions(db(), user);
  const kinds = CREATABLE_ORG_KINDS.map((kind) => ({
    value: kind,
    label: t(`kinds.${kind}`),
    roles: assignableRoles(user.role, kind).map((r) => ({ value: r, label: tRoles(r) })),
  }));
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/orgs" label={t("backToList")} />
      <PageHeader title={t("create.title")} intro={t("create.intro")} />
      <CreateOrganizationForm
        kinds={kinds}
        parents={parents.map((p) => ({ value: p.id, label: p.bankLevel ? `${p.name}（${t(`bankLevels.${p.bankLevel}`)}）` : p.name }))}
        bankLevels={Object.values(BankLevel).map((l) => ({ value: l, label: t(`bankLevels.${l}`) }))}
      />
    </main>
  );
}
