import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ListTable } from "@/components/ui/list-table";
import { linkClass } from "@/components/ui/link-styles";
import { SelectField } from "@/components/ui/select-field";
import { BankLevel } from "@/lib/generated/prisma/enums";
import { listRegistryBanks } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { OrgListPage } from "../org-list-page";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryBanksPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("contacts.read");
  const filters = parseOrgFilters(await searchParams);
  const [t, tc, banks] = await Promise.all([
    getTranslations("registry.banks"),
    getTranslations("registry"),
    listRegistryBanks(db(), user, filters),
  ]);
  const none = tc("common.none");
  return (
    <OrgListPage
      user={user}
      kind="banks"
      filters={filters}
      create={{ href: "/orgs/new", label: t("newOrg") }}
      extraFilters={
        <SelectField
          name="level"
          label={t("level")}
          defaultValue={filters.level ?? ""}
          placeholder={tc("common.any")}
          options={Object.values(BankLevel).map((l) => ({ value: l, label: tc(`levels.${l}`) }))}
        />
      }
    >
      <ListTable
        empty={{ title: tc("common.emptyTitle"), body: tc("common.emptyBody") }}
        caption={t("tableCaption")}
        rows={banks}
        rowKey={(b) => b.id}
        columns={[
          {
            key: "name",
            header: t("name"),
            rowHeader: true,
            // Branches under their parent bank, one step in per level.
            cell: (b) => (
              <span className="block" style={{ paddingLeft: `${b.depth * 1.25}rem` }}>
                <Link href={`/registry/banks/${b.id}`} className={linkClass}>
                  {b.name}
                </Link>{" "}
                {!b.active && <Badge tone="muted">{tc("common.statuses.inactive")}</Badge>}
              </span>
            ),
          },
          {
            key: "level",
            header: t("level"),
            className: "whitespace-nowrap",
            cell: (b) => (b.bankLevel ? tc(`levels.${b.bankLevel}`) : none),
          },
          {
            key: "firstPerson",
            header: t("firstPerson"),
            onCard: false,
            cell: (b) => (b.contact ? `${b.contact.firstPersonName}（${b.contact.firstPersonTitle}）` : none),
          },
          {
            key: "secondPerson",
            header: t("secondPerson"),
            onCard: false,
            cell: (b) => (b.contact ? `${b.contact.secondPersonName}（${b.contact.secondPersonTitle}）` : none),
          },
          { key: "department", header: t("department"), onCard: false, cell: (b) => b.contact?.department ?? none },
          {
            key: "liaison",
            header: t("liaison"),
            cell: (b) =>
              b.contact ? (
                <>
                  {b.contact.liaisonName}
                  {b.contact.liaisonMobileMasked && (
                    <span className="block font-mono text-xs text-slate-600">{b.contact.liaisonMobileMasked}</span>
                  )}
                </>
              ) : (
                none
              ),
          },
          {
            key: "filing",
            header: t("filing"),
            cell: (b) =>
              b.contact ? (
                <Badge tone={b.contact.filedLate ? "warn" : "ok"}>{t(b.contact.filedLate ? "late" : "onTime")}</Badge>
              ) : (
                t("noContact")
              ),
          },
        ]}
      />
    </OrgListPage>
  );
}
