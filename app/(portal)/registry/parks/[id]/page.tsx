import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { getRegistryPark } from "@/lib/registry/queries/registry-orgs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/link-styles";
import { RegistryForm } from "../../registry-form";
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
    [
      tr("common.status"),
      <Badge key="status" tone={park.active ? "ok" : "muted"}>
        {tr(`common.statuses.${park.active ? "active" : "inactive"}`)}
      </Badge>,
    ],
  ];
  const canAdminister = canActor(user, "orgs.update");

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8 sm:px-8">
      <BackLink href="/registry/parks" label={tr("common.backToList")} />
      <PageHeader title={park.name} />
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
                cell: (s) => <Badge tone={s.active ? "ok" : "muted"}>{t(s.active ? "staffActive" : "staffInactive")}</Badge>,
              },
            ]}
          />
        )}
      </Panel>
      {canAdminister && (
        <>
          <Panel title={t("editTitle")}>
            <RegistryForm
              action={updateRegistryParkAction}
              submitLabel={tr("common.save")}
              doneMessage={tr("common.saved")}
              keepValues
              fields={[
                { kind: "hidden", name: "orgId", value: park.orgId },
                { kind: "text", name: "name", label: tr("common.name"), value: park.name, maxLength: 100 },
                { kind: "text", name: "shortName", label: tr("common.shortName"), value: park.shortName, maxLength: 32 },
                { kind: "text", name: "district", label: t("district"), value: park.district, maxLength: 32 },
                { kind: "text", name: "address", label: t("address"), value: park.address, maxLength: 200 },
                { kind: "text", name: "windowName", label: t("windowName"), value: park.windowName, maxLength: 64 },
                { kind: "text", name: "windowPhone", label: t("windowPhone"), value: park.windowPhone, type: "tel", maxLength: 20 },
              ]}
            />
          </Panel>
          <Panel
            title={tr(park.active ? "common.deactivate.title" : "common.reactivate.title")}
            hint={tr(park.active ? "common.deactivate.hint" : "common.reactivate.hint")}
          >
            <RegistryForm
              key={String(park.active)}
              compact
              action={park.active ? deactivateRegistryParkAction : reactivateRegistryParkAction}
              fields={[{ kind: "hidden", name: "orgId", value: park.orgId }]}
              submitLabel={tr(park.active ? "common.deactivate.submit" : "common.reactivate.submit")}
            />
          </Panel>
        </>
      )}
    </main>
  );
}
