import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { canActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { listParkChoices, listRegistryEnterprises } from "@/lib/registry/queries/registry-enterprises";
import { cappedCountParams, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { ENTERPRISE_TAGS, STATUS_FILTERS, SUPPORT_CLASSES, filtersQuery, parseEnterpriseFilters } from "@/lib/registry/rules";
import { ENTERPRISE_SIZES, INDUSTRY_SECTIONS } from "@/lib/registry/schemas";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { Badge, BackLink, FilterSelect, KeywordInput, PageHeader, Table, buttonLinkClass, cell, linkClass, secondaryLinkClass } from "../parts";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegistryEnterprisesPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("enterprises.read");
  const params = await searchParams;
  const filters = parseEnterpriseFilters(params);
  const ctx = await loadScopeContext(db(), user);
  const [t, tc, tReg, tEnt, list, parks] = await Promise.all([
    getTranslations("registry"),
    getTranslations("registry.common"),
    getTranslations("registration"),
    getTranslations("enterprises"),
    listRegistryEnterprises(db(), user, ctx, filters, parsePageCursor(params)),
    listParkChoices(db(), user, ctx),
  ]);
  const query = filtersQuery(filters);
  const hrefFor = (cursor: TPageCursor) => `/registry/enterprises?${filtersQuery(filters, cursor)}`;

  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <BackLink href="/registry" label={tc("backToIndex")} />
        <PageHeader
          title={t("enterprises.title")}
          intro={t("enterprises.intro")}
          actions={
            <>
              {canActor(user, "enterprises.create") && (
                <Link href="/registry/enterprises/new" className={buttonLinkClass}>
                  {t("enterprises.new")}
                </Link>
              )}
              {canActor(user, "registry.export") && (
                <DownloadLink href={`/registry/enterprises/export${query ? `?${query}` : ""}`} className={secondaryLinkClass} title={tc("exportHint")}>
                  {tc("export")}
                </DownloadLink>
              )}
            </>
          }
        />
        <form method="get" role="search" className="grid grid-cols-1 items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4">
          <div className="sm:col-span-2">
            <KeywordInput label={t("enterprises.keywordLabel")} value={filters.q} />
          </div>
          <FilterSelect name="section" label={t("enterprises.section")} value={filters.section} anyLabel={tc("any")}
            options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: tReg(`sections.${s}`) }))} />
          <FilterSelect name="size" label={t("enterprises.size")} value={filters.size} anyLabel={tc("any")}
            options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: tEnt(`sizes.${s}`) }))} />
          <FilterSelect name="tag" label={t("enterprises.tag")} value={filters.tag} anyLabel={tc("any")}
            options={ENTERPRISE_TAGS.map((s) => ({ value: s, label: s }))} />
          <FilterSelect name="class" label={t("enterprises.class")} value={filters.supportClass} anyLabel={tc("any")}
            options={[...SUPPORT_CLASSES, "NONE" as const].map((c) => ({ value: c, label: t(`classes.${c}`) }))} />
          {parks.length > 1 && (
            <FilterSelect name="park" label={t("enterprises.park")} value={filters.parkId} anyLabel={tc("any")}
              options={parks.map((p) => ({ value: p.id, label: p.name }))} />
          )}
          <FilterSelect name="status" label={tc("status")} value={filters.status}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: tc(`statuses.${s}`) }))} />
          <button type="submit" className={`${secondaryLinkClass} h-10.5`}>
            {tc("search")}
          </button>
        </form>

        {list.rows.length === 0 ? (
          <EmptyState title={tc("emptyTitle")} body={tc("emptyBody")} />
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("enterprises.count", cappedCountParams(list.total))}</p>
            <Table
              caption={t("enterprises.tableCaption")}
              head={[t("enterprises.name"), t("enterprises.uscc"), t("enterprises.park"), t("enterprises.section"), t("enterprises.size"), t("enterprises.class"), t("enterprises.tags"), tc("status")]}
            >
              {list.rows.map((e) => (
                <tr key={e.id} data-testid={`enterprise-row-${e.uscc}`}>
                  <th scope="row" className={`${cell} font-medium`}>
                    <Link href={`/registry/enterprises/${e.id}`} className={linkClass}>
                      {e.name}
                    </Link>
                  </th>
                  <td className={`${cell} font-mono`}>{e.uscc}</td>
                  <td className={cell}>{e.parkName}</td>
                  <td className={cell}>{e.industrySection}{e.industryDivision ? ` / ${e.industryDivision}` : ""}</td>
                  <td className={cell}>{tEnt(`sizes.${e.size}`)}</td>
                  <td className={cell}>{t(`classes.${e.supportClass ?? "NONE"}`)}</td>
                  <td className={cell}>{e.tags.join("、") || tc("none")}</td>
                  <td className={cell}>
                    <Badge tone={e.active ? "ok" : "muted"}>{tc(`statuses.${e.active ? "active" : "inactive"}`)}</Badge>
                  </td>
                </tr>
              ))}
            </Table>
            <KeysetPager
              previous={list.previous}
              next={list.next}
              hrefFor={hrefFor}
              labels={{ nav: tc("pagination"), previous: tc("previous"), next: tc("next") }}
            />
          </>
        )}
      </main>
    </PortalFrame>
  );
}
