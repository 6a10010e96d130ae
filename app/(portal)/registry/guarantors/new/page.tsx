import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/server/auth/current-user";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { RegistryForm } from "../../registry-form";
import { createRegistryGuarantorAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function NewRegistryGuarantorPage() {
  await requirePermission("orgs.create");
  const [t, tr] = await Promise.all([getTranslations("registry.guarantors"), getTranslations("registry")]);
  return (
    <main id="main" className="mx-auto max-w-xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/registry/guarantors" label={tr("common.backToList")} />
      <PageHeader title={t("newTitle")} />
      <RegistryForm
        action={createRegistryGuarantorAction}
        submitLabel={t("create")}
        fields={[
          { kind: "text", name: "name", label: tr("common.name"), maxLength: 100 },
          { kind: "text", name: "shortName", label: tr("common.shortName"), maxLength: 32 },
        ]}
      />
    </main>
  );
}
