import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getRegistryGuarantor } from "@/lib/registry/queries/registry-orgs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Panel } from "@/components/ui/panel";
import { PageHeader } from "@/components/ui/page-header";
import { RegistryForm } from "../../registry-form";
import { deactivateRegistryGuarantorAction, reactivateRegistryGuarantorAction, updateRegistryGuarantorAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function RegistryGuarantorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("contacts.read");
  const { id } = await params;
  const g = await getRegistryGuarantor(db(), user, id);
  if (!g) notFound();
  const [t, tr, locale] = await Promise.all([getTranslations("registry.guarantors"), getTranslations("registry"), getLocale()]);
  const canAdminister = canActor(user, "orgs.update");
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 py-8 sm:px-8">
      <BackLink href="/registry/guarantors" label={tr("common.backToList")} />
      <PageHeader title={g.name} />
      <DetailList
        rows={[
          [tr("common.shortName"), g.shortName ?? tr("common.none")],
          [tr("common.createdAt"), formatDate(g.createdAt, resolveLocale(locale))],
          [
            tr("common.status"),
            <Badge key="s" tone={g.active ? "ok" : "muted"}>
              {tr(`common.statuses.${g.active ? "active" : "inactive"}`)}
            </Badge>,
          ],
        ]}
      />
      {canAdminister && (
        <>
          <Panel title={t("editTitle")}>
            <RegistryForm
              action={updateRegistryGuarantorAction}
              submitLabel={tr("common.save")}
              doneMessage={tr("common.saved")}
              keepValues
              fields={[
                { kind: "hidden", name: "orgId", value: g.id },
                { kind: "text", name: "name", label: tr("common.name"), value: g.name, maxLength: 100 },
                { kind: "text", name: "shortName", label: tr("common.shortName"), value: g.shortName, maxLength: 32 },
              ]}
            />
          </Panel>
          <Panel
            title={tr(g.active ? "common.deactivate.title" : "common.reactivate.title")}
            hint={tr(g.active ? "common.deactivate.hint" : "common.reactivate.hint")}
          >
            <RegistryForm
              key={String(g.active)}
              compact
              action={g.active ? deactivateRegistryGuarantorAction : reactivateRegistryGuarantorAction}
              fields={[{ kind: "hidden", name: "orgId", value: g.id }]}
              submitLabel={tr(g.active ? "common.deactivate.submit" : "common.reactivate.submit")}
            />
          </Panel>
        </>
      )}
    </main>
  );
}
