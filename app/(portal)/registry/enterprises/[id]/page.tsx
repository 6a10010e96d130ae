import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getRegistryEnterprise } from "@/lib/registry/queries/registry-enterprises";
import { SUPPORT_CLASSES } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { getLocale } from "next-intl/server";
import { RevealMobile } from "../../../enterprises/[id]/reveal-mobile";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { RegistryForm } from "../../registry-form";
import { changeRegistryEnterpriseClassAction, deactivateRegistryEnterpriseAction, reactivateRegistryEnterpriseAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function RegistryEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("enterprises.read");
  const { id } = await params;
  const e = await getRegistryEnterprise(db(), user, await loadScopeContext(db(), user), id);
  // Another park's enterprise and an unknown id get the same answer.
  if (!e) notFound();
  const [t, tc, tReg, tEnt, locale] = await Promise.all([
    getTranslations("registry"),
    getTranslations("registry.common"),
    getTranslations("registration"),
    getTranslations("enterprises"),
    getLocale(),
  ]);
  const lang = resolveLocale(locale);
  const none = tc("none");
  const rows: [string, React.ReactNode][] = [
    [
      t("enterprises.uscc"),
      <code key="uscc" className="font-mono">
        {e.uscc}
      </code>,
    ],
    [t("enterprises.park"), e.parkName],
    [t("enterprises.section"), `${tReg(`sections.${e.industrySection}`)}${e.industryDivision ? ` · ${e.industryDivision}` : ""}`],
    [t("enterprises.size"), tEnt(`sizes.${e.size}`)],
    [t("enterprises.tags"), e.tags.join("、") || none],
    [
      t("enterprises.class"),
      <span key="class" data-testid="support-class">
        {t(`classes.${e.supportClass ?? "NONE"}`)}
      </span>,
    ],
    [t("enterprises.creditRating"), e.creditRating ?? none],
    [t("enterprises.registration"), tEnt(`registrationStatuses.${e.registrationStatus}`)],
    [
      tc("status"),
      <Badge key="status" tone={e.active ? "ok" : "muted"}>
        {tc(`statuses.${e.active ? "active" : "inactive"}`)}
      </Badge>,
    ],
    [t("enterprises.contactName"), e.contactName ?? none],
    [
      t("enterprises.contactMobile"),
      e.contactMobileMasked ? (
        <RevealMobile key="mobile" enterpriseId={e.id} masked={e.contactMobileMasked} canReveal={canActor(user, "pii.reveal")} />
      ) : (
        none
      ),
    ],
  ];
  const canEdit = e.active && canActor(user, "enterprises.update");
  const canChangeClass = e.active && canActor(user, "enterprises.changeClass");
  const canDeactivate = canActor(user, "enterprises.deactivate");

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-8 px-4 py-8 sm:px-8">
      <BackLink href="/registry/enterprises" label={tc("backToList")} />
      <PageHeader
        eyebrow={t("enterprises.detailTitle")}
        title={e.name}
        actions={
          canEdit && (
            <Link href={`/registry/enterprises/${e.id}/edit`} className={secondaryLinkClass}>
              {tc("edit")}
            </Link>
          )
        }
      />
      <DetailList rows={rows} />

      {canChangeClass && (
        <Panel title={t("enterprises.classChange.title")} hint={t("enterprises.classChange.hint")}>
          <RegistryForm
            action={changeRegistryEnterpriseClassAction}
            submitLabel={t("enterprises.classChange.submit")}
            doneMessage={t("enterprises.classChange.done")}
            fields={[
              { kind: "hidden", name: "enterpriseId", value: e.id },
              {
                kind: "select",
                name: "toClass",
                label: t("enterprises.classChange.toClass"),
                placeholder: t("enterprises.classChange.placeholder"),
                options: SUPPORT_CLASSES.filter((c) => c !== e.supportClass).map((c) => ({
                  value: c,
                  label: `${t(`classes.${c}`)}（${t(`classHints.${c}`)}）`,
                })),
              },
              {
                kind: "textarea",
                name: "reason",
                label: t("enterprises.classChange.reason"),
                hint: t("enterprises.classChange.reasonHint"),
                maxLength: 500,
              },
            ]}
          />
        </Panel>
      )}

      <Panel title={t("enterprises.history.title")}>
        {e.classChanges.length === 0 ? (
          <p className="text-slate-600">{t("enterprises.history.empty")}</p>
        ) : (
          <DataTable
            caption={t("enterprises.history.caption")}
            rows={e.classChanges}
            rowKey={(c) => c.id}
            columns={[
              {
                key: "when",
                header: t("enterprises.history.when"),
                className: "whitespace-nowrap tabular-nums",
                cell: (c) => formatDateTime(c.changedAt, lang),
              },
              { key: "from", header: t("enterprises.history.from"), cell: (c) => t(`classes.${c.fromClass ?? "NONE"}`) },
              { key: "to", header: t("enterprises.history.to"), cell: (c) => t(`classes.${c.toClass}`) },
              { key: "reason", header: t("enterprises.history.reason"), cell: (c) => c.reason },
              {
                key: "by",
                header: t("enterprises.history.by"),
                cell: (c) => (c.changedByName ? `${c.changedByName}（${c.changedByOrg}）` : none),
              },
            ]}
          />
        )}
      </Panel>

      {canDeactivate && (
        <Panel title={tc(e.active ? "deactivate.title" : "reactivate.title")} hint={tc(e.active ? "deactivate.hint" : "reactivate.hint")}>
          <RegistryForm
            key={String(e.active)}
            compact
            action={e.active ? deactivateRegistryEnterpriseAction : reactivateRegistryEnterpriseAction}
            fields={[{ kind: "hidden", name: "enterpriseId", value: e.id }]}
            submitLabel={tc(e.active ? "deactivate.submit" : "reactivate.submit")}
          />
        </Panel>
      )}
    </main>
  );
}
