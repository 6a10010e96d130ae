import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { canActor } from "@/lib/auth/permissions";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { contactManageableBankIds, getRegistryBank, listParentChoices, type TBankContactView } from "@/lib/registry/queries/registry-orgs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { Badge } from "@/components/ui/badge";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Panel } from "@/components/ui/panel";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { RecordPage } from "@/components/ui/record-page";
import { OrgAdminPanels } from "../../org-admin-panels";
import { RegistryForm, type TFormField } from "../../registry-form";
import { deactivateRegistryBankAction, fileBankContactAction, reactivateRegistryBankAction, updateRegistryBankAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function RegistryBankPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("contacts.read");
  const { id } = await params;
  const bank = await getRegistryBank(db(), user, id);
  if (!bank) notFound();
  const [t, tr, locale, manageable] = await Promise.all([
    getTranslations("registry.banks"),
    getTranslations("registry"),
    getLocale(),
    contactManageableBankIds(db(), user),
  ]);
  const lang = resolveLocale(locale);
  const none = tr("common.none");
  const canFile = bank.active && manageable.includes(bank.id);
  const canAdminister = canActor(user, "orgs.update");
  const person = (name: string, title: string, mobile: string | null) => `${name}（${title}）${mobile ? ` ${mobile}` : ""}`;
  const contactRows = (c: TBankContactView): [string, React.ReactNode][] => [
    [t("firstPerson"), person(c.firstPersonName, c.firstPersonTitle, c.firstPersonMobileMasked)],
    [t("secondPerson"), person(c.secondPersonName, c.secondPersonTitle, c.secondPersonMobileMasked)],
    [t("department"), c.department],
    [t("liaison"), `${c.liaisonName}${c.liaisonMobileMasked ? ` ${c.liaisonMobileMasked}` : ""}`],
    [t("liaisonPhone"), c.liaisonPhone ?? none],
    [t("effectiveOn"), formatDate(c.effectiveOn, lang)],
    [t("filedAt"), formatDateTime(c.filedAt, lang)],
    [
      t("filing"),
      <Badge key="late" tone={c.filedLate ? "warn" : "ok"}>
        {t(c.filedLate ? "late" : "onTime")}
      </Badge>,
    ],
  ];
  const c = bank.contact;
  const fileFields: TFormField[] = [
    { kind: "hidden", name: "bankOrgId", value: bank.id },
    { kind: "text", name: "firstPersonName", label: t("file.firstPersonName"), value: c?.firstPersonName, maxLength: 32 },
    { kind: "text", name: "firstPersonTitle", label: t("file.firstPersonTitle"), value: c?.firstPersonTitle, maxLength: 32 },
    {
      kind: "text",
      name: "firstPersonMobile",
      label: t("file.firstPersonMobile"),
      type: "tel",
      hint: c?.firstPersonMobileMasked ? `${c.firstPersonMobileMasked} · ${t("file.mobileHint")}` : undefined,
      maxLength: 20,
    },
    { kind: "text", name: "secondPersonName", label: t("file.secondPersonName"), value: c?.secondPersonName, maxLength: 32 },
    { kind: "text", name: "secondPersonTitle", label: t("file.secondPersonTitle"), value: c?.secondPersonTitle, maxLength: 32 },
    {
      kind: "text",
      name: "secondPersonMobile",
      label: t("file.secondPersonMobile"),
      type: "tel",
      hint: c?.secondPersonMobileMasked ? `${c.secondPersonMobileMasked} · ${t("file.mobileHint")}` : undefined,
      maxLength: 20,
    },
    { kind: "text", name: "department", label: t("file.department"), value: c?.department, maxLength: 64 },
    { kind: "text", name: "liaisonName", label: t("file.liaisonName"), value: c?.liaisonName, maxLength: 32 },
    {
      kind: "text",
      name: "liaisonMobile",
      label: t("file.liaisonMobile"),
      type: "tel",
      hint: c?.liaisonMobileMasked ? `${c.liaisonMobileMasked} · ${t("file.mobileHint")}` : undefined,
      maxLength: 20,
    },
    { kind: "text", name: "liaisonPhone", label: t("file.liaisonPhone"), value: c?.liaisonPhone, maxLength: 20 },
    { kind: "text", name: "effectiveOn", label: t("file.effectiveOn"), type: "date", value: shanghaiDateString(new Date()) },
  ];
  const parents = canAdminister ? await listParentChoices(db(), bank.bankLevel, bank.id) : [];
  const infoRows: [string, React.ReactNode][] = [
    [t("level"), bank.bankLevel ? tr(`levels.${bank.bankLevel}`) : none],
    [
      t("parent"),
      bank.parentId ? (
        <Link key="parent" href={`/registry/banks/${bank.parentId}`} className={linkClass}>
          {bank.parentName}
        </Link>
      ) : (
        none
      ),
    ],
    [tr("common.status"), <ActiveBadge key="status" active={bank.active} labels={tr.raw("common.statuses")} />],
  ];

  return (
    <RecordPage back={{ href: "/registry/banks", label: tr("common.backToList") }} title={bank.name}>
      <DetailList rows={infoRows} />
      {bank.children.length > 0 && (
        <Panel title={t("children")}>
          <ul className="list-inside list-disc space-y-1">
            {bank.children.map((ch) => (
              <li key={ch.id}>
                <Link href={`/registry/banks/${ch.id}`} className={linkClass}>
                  {ch.name}
                </Link>
                {ch.bankLevel && <span className="text-sm text-slate-600"> · {tr(`levels.${ch.bankLevel}`)}</span>}
                {!ch.active && (
                  <>
                    {" "}
                    <Badge tone="muted">{tr("common.statuses.inactive")}</Badge>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Panel>
      )}

      <Panel title={t("current")}>{c ? <DetailList rows={contactRows(c)} /> : <p className="text-slate-600">{t("noContact")}</p>}</Panel>

      {bank.scheduled.length > 0 && (
        <Panel title={t("scheduled")}>
          {bank.scheduled.map((s) => (
            <DetailList key={s.id} rows={contactRows(s)} />
          ))}
        </Panel>
      )}

      {canFile && (
        <Panel title={t("file.title")} hint={t("file.hint")}>
          <RegistryForm
            action={fileBankContactAction}
            fields={fileFields}
            submitLabel={t("file.submit")}
            doneMessage={t("file.done")}
            keepValues
          />
        </Panel>
      )}

      <Panel title={t("history")}>
        {bank.history.length === 0 ? (
          <p className="text-slate-600">{tr("common.notAvailable")}</p>
        ) : (
          <DataTable
            caption={t("historyCaption")}
            rows={bank.history}
            rowKey={(h) => h.id}
            rowTestId={() => "contact-history-row"}
            columns={[
              {
                key: "effectiveOn",
                header: t("effectiveOn"),
                className: "whitespace-nowrap",
                cell: (h) => formatDate(h.effectiveOn, lang),
              },
              { key: "firstPerson", header: t("firstPerson"), cell: (h) => h.firstPersonName },
              { key: "secondPerson", header: t("secondPerson"), cell: (h) => h.secondPersonName },
              { key: "department", header: t("department"), cell: (h) => h.department },
              { key: "liaison", header: t("liaison"), cell: (h) => h.liaisonName },
              {
                key: "filedAt",
                header: t("filedAt"),
                className: "whitespace-nowrap tabular-nums",
                cell: (h) => formatDateTime(h.filedAt, lang),
              },
              {
                key: "filing",
                header: t("filing"),
                cell: (h) => <Badge tone={h.filedLate ? "warn" : "ok"}>{t(h.filedLate ? "late" : "onTime")}</Badge>,
              },
            ]}
          />
        )}
      </Panel>

      {canAdminister && (
        <OrgAdminPanels
          org={bank}
          editTitle={t("edit.title")}
          submitLabel={t("edit.submit")}
          moreFields={
            bank.bankLevel === "HEAD_OFFICE"
              ? []
              : [
                  {
                    kind: "select",
                    name: "parentId",
                    label: t("parent"),
                    placeholder: t("edit.parentPlaceholder"),
                    options: parents.map((p) => ({ value: p.id, label: p.name })),
                    value: bank.parentId,
                  },
                ]
          }
          actions={{ update: updateRegistryBankAction, deactivate: deactivateRegistryBankAction, reactivate: reactivateRegistryBankAction }}
        />
      )}
    </RecordPage>
  );
}
