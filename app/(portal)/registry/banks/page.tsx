import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { BankLevel } from "@/lib/generated/prisma/enums";
import { listRegistryBanks } from "@/lib/registry/queries/registry-orgs";
import { filtersQuery, parseOrgFilters } from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { OrgListHeader } from "../org-list-header";
import { Badge, FilterSelect, Table, cell, linkClass } from "../parts";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryBanksPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("contacts.read");
  const filters = parseOrgFilters(await searchParams);
  const [t, tc, banks] = await Promise.all([getTranslations("registry.banks"), getTranslations("registry"), listRegistryBanks(db(), user, filters)]);
  const query = filtersQuery(filters);
  const none = tc("common.none");
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <OrgListHeader
          user={user}
          title={t("title")}
          intro={t("intro")}
          create={{ href: "/orgs/new", label: t("newOrg") }}
          exportPath="/registry/banks/export"
          exportQuery={query}
          keyword={{ label: t("keywordLabel"), value: filters.q }}
          status={filters.status}
          extraFilters={
            <FilterSelect name="level" label={t("level")} value={filters.level} anyLabel={tc("common.any")}
              options={Object.values(BankLevel).map((l) => ({ value: l, label: tc(`levels.${l}`) }))} />
          }
        />
        {banks.length === 0 ? (
          <EmptyState title={tc("common.emptyTitle")} body={tc("common.emptyBody")} />
        ) : (
          <Table caption={t("tableCaption")} head={[t("name"), t("level"), t("firstPerson"), t("secondPerson"), t("department"), t("liaison"), t("filing")]}>
            {banks.map((b) => (
              <tr key={b.id}>
                <th scope="row" className={`${cell} font-medium`} style={{ paddingLeft: `${0.75 + b.depth * 1.25}rem` }}>
                  <Link href={`/registry/banks/${b.id}`} className={linkClass}>
                    {b.name}
                  </Link>{" "}
                  {!b.active && <Badge tone="muted">{tc("common.statuses.inactive")}</Badge>}
                </th>
                <td className={`${cell} whitespace-nowrap`}>{b.bankLevel ? tc(`levels.${b.bankLevel}`) : none}</td>
                <td className={cell}>{b.contact ? `${b.contact.firstPersonName}（${b.contact.firstPersonTitle}）` : none}</td>
                <td className={cell}>{b.contact ? `${b.contact.secondPersonName}（${b.contact.secondPersonTitle}）` : none}</td>
                <td className={cell}>{b.contact?.department ?? none}</td>
                <td className={cell}>
                  {b.contact ? (
                    <>
                      {b.contact.liaisonName}
                      {b.contact.liaisonMobileMasked && <span className="block font-mono text-xs text-slate-600">{b.contact.liaisonMobileMasked}</span>}
                    </>
                  ) : (
                    none
                  )}
                </td>
                <td className={cell}>
                  {b.contact ? <Badge tone={b.contact.filedLate ? "warn" : "ok"}>{t(b.contact.filedLate ? "late" : "onTime")}</Badge> : t("noContact")}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </main>
    </PortalFrame>
  );
}
