import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getRegistryGuarantor } from "@/lib/registry/queries/registry-orgs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ActiveBadge } from "@/components/ui/active-badge";
import { RecordPage } from "@/components/ui/record-page";
import { OrgAdminPanels } from "../../org-admin-panels";
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
    <RecordPage back={{ href: "/registry/guarantors", label: tr("common.backToList") }} title={g.name} width="3xl">
      <DetailList
        rows={[
          [tr("common.shortName"), g.shortName ?? tr("common.none")],
          [tr("common.createdAt"), formatDate(g.createdAt, resolveLocale(locale))],
          [tr("common.status"), <ActiveBadge key="s" active={g.active} labels={tr.raw("common.statuses")} />],
        ]}
      />
      {canAdminister && (
        <OrgAdminPanels
          org={g}
          editTitle={t("editTitle")}
          actions={{
            update: updateRegistryGuarantorAction,
            deactivate: deactivateRegistryGuarantorAction,
            reactivate: reactivateRegistryGuarantorAction,
          }}
        />
      )}
    </RecordPage>
  );
}
