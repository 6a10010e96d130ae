import { getTranslations } from "next-intl/server";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { listParkChoices } from "@/lib/registry/queries/registry-enterprises";
import { editableEnterpriseFields } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { RegistryForm } from "../../registry-form";
import { createRegistryEnterpriseAction } from "../actions";
import { enterpriseFields } from "../enterprise-fields";

export const dynamic = "force-dynamic";

export default async function NewRegistryEnterprisePage() {
  const user = await requirePermission("enterprises.create");
  const [t, tc] = await Promise.all([getTranslations("registry.enterprises"), getTranslations("registry.common")]);
  const parks = await listParkChoices(db(), user, await loadScopeContext(db(), user));
  const fields = await enterpriseFields({ editable: editableEnterpriseFields(user.role), parks });
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/registry/enterprises" label={tc("backToList")} />
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <RegistryForm action={createRegistryEnterpriseAction} fields={fields} submitLabel={t("create")} />
    </main>
  );
}
