import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { getRegistryPark } from "@/lib/registry/queries/registry-orgs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { RecordPage } from "@/components/ui/record-page";
import { OrgAdminPanels } from "../../org-admin-panels";
import { deactivateRegistryParkAction, reactivateRegistryParkAction, updateRegistryParkAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function RegistryParkPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("contacts.read");
  const { id } = await params;
  const park = await getRegistryPark(db(), user, id);
  if (!park) notFound();
  const [t, tr, tRoles] = await Promise.all([getTranslations("registry.parks"), getTranslations("registry"), getTranslations("roles")]);
  const none = tr("common.none");
  // The list of a park's enterprises is the enterprise registry filtered by park (scoped as usual).
  const seesEnterprises = canActor(user, "enterprises.read") && (user.orgId === park.orgId || canActor(user, "orgs.read"));
  const rows: [string, React.ReactNode][] = [
    [
      t("code"),
      <code key="code" className="font-mono">
        {park.code}
      </code>,
    ],
    [t("district"), park.district ?? none],
    [t("address"), park.address ?? none],
    [t("windowName"), park.windowName ?? none],
    [t("windowPhone"), park.windowPhone ?? none],
    [
      t("enterprises"),
      seesEnterprises ? (
        <Link key="ent" href={`/registry/enterprises?park=${park.parkId}`} className={linkClass}>
          {park.enterpriseCount}
        </Link>
      ) : (
        String(park.enterpriseCount)
      ),
    ],
    [tr("common.status"), <ActiveBadge key="status" active={park.active} labels={tr.raw("common.statuses")} />],
  ];
  const canAdminister = canActor(user, "orgs.update");

  return (
    <RecordPage back={{ href: "/registry/parks", label: tr("common.backToList") }} title={park.name}>
      <DetailList rows={rows} />
      <Panel title={t("staff")}>
        {park.staff.length === 0 ? (
          <p className="text-slate-600">{t("noStaff")}</p>
        ) : (
          <DataTable
            caption={t("staffCaption")}
            rows={park.staff}
            rowKey={(s) => s.id}
            columns={[
              { key: "name", header: t("staffName"), rowHeader: true, cell: (s) => s.name },
              { key: "role", header: t("staffRole"), cell: (s) => tRoles(s.role) },
              { key: "mobile", header: t("staffMobile"), className: "font-mono", cell: (s) => s.mobileMasked ?? none },
              {
                key: "status",
                header: t("staffStatus"),
                cell: (s) => <ActiveBadge active={s.active} labels={{ active: t("staffActive"), inactive: t("staffInactive") }} />,
              },
            ]}
          />
        )}
      </Panel>
      {canAdminister && (
        <OrgAdminPanels
          org={{ id: park.orgId, name: park.name, shortName: park.shortName, active: park.active }}
          editTitle={t("editTitle")}
          moreFields={[
            { kind: "text", name: "district", label: t("district"), value: park.district, maxLength: 32 },
            { kind: "text", name: "address", label: t("address"), value: park.address, maxLength: 200 },
            { kind: "text", name: "windowName", label: t("windowName"), value: park.windowName, maxLength: 64 },
            { kind: "text", name: "windowPhone", label: t("windowPhone"), value: park.windowPhone, type: "tel", maxLength: 20 },
          ]}
          actions={{ update: updateRegistryParkAction, deactivate: deactivateRegistryParkAction, reactivate: reactivateRegistryParkAction }}
        />
      )}
    </RecordPage>
  );
}
