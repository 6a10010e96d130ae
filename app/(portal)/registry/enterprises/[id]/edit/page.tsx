import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { maskMobile } from "@/lib/privacy/mask";
import { getEnterpriseForEdit, listParkChoices } from "@/lib/registry/queries/registry-enterprises";
import { editableEnterpriseFields } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { RegistryForm } from "../../../registry-form";
import { updateRegistryEnterpriseAction } from "../../actions";
import { enterpriseFields } from "../../enterprise-fields";

export const dynamic = "force-dynamic";

export default async function EditRegistryEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("enterprises.update");
  const { id } = await params;
  const ctx = await loadScopeContext(db(), user);
  const e = await getEnterpriseForEdit(db(), user, ctx, id);
  if (!e) notFound();
  const [t, tc] = await Promise.all([getTranslations("registry.enterprises"), getTranslations("registry.common")]);
  const editable = editableEnterpriseFields(user.role);
  let parks = await listParkChoices(db(), user, ctx);
  if (!parks.some((p) => p.id === e.parkId)) parks = [];
  const fields = await enterpriseFields({ editable, parks, values: e, mobileMasked: maskMobile(e.contactMobile) });
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href={`/registry/enterprises/${e.id}`} label={e.name} />
      <PageHeader title={t("editTitle")} intro={t("editIntro")} />
      <RegistryForm
        action={updateRegistryEnterpriseAction}
        fields={[{ kind: "hidden", name: "enterpriseId", value: e.id }, ...fields]}
        submitLabel={tc("save")}
        doneMessage={tc("saved")}
        keepValues
      />
    </main>
  );
}
