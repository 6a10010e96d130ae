import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { buttonLinkClass, linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { canActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { listParkChoices, listRegistryEnterprises } from "@/lib/registry/queries/registry-enterprises";
import { cappedCountParams, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import {
  ENTERPRISE_SIZES,
  ENTERPRISE_TAGS,
  INDUSTRY_SECTIONS,
  STATUS_FILTERS,
  SUPPORT_CLASSES,
  filtersQuery,
  parseEnterpriseFilters,
} from "@/lib/registry/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

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
              <DownloadLink
                href={`/registry/enterprises/export${query ? `?${query}` : ""}`}
                className={secondaryLinkClass}
                title={tc("exportHint")}
              >
                {tc("export")}
              </DownloadLink>
            )}
          </>
        }
      />
      <form
        method="get"
        role="search"
        className="grid grid-cols-1 items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4"
      >
        <TextField
          name="q"
          type="search"
          label={t("enterprises.keywordLabel")}
          defaultValue={filters.q}
          maxLength={64}
          className="sm:col-span-2"
        />
        <SelectField
          name="section"
          label={t("enterprises.section")}
          defaultValue={filters.section ?? ""}
          placeholder={tc("any")}
          options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: tReg(`sections.${s}`) }))}
        />
        <SelectField
          name="size"
          label={t("enterprises.size")}
          defaultValue={filters.size ?? ""}
          placeholder={tc("any")}
          options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: tEnt(`sizes.${s}`) }))}
        />
        <SelectField
          name="tag"
          label={t("enterprises.tag")}
          defaultValue={filters.tag ?? ""}
          placeholder={tc("any")}
          options={ENTERPRISE_TAGS.map((s) => ({ value: s, label: s }))}
        />
        <SelectField
          name="class"
          label={t("enterprises.class")}
          defaultValue={filters.supportClass ?? ""}
          placeholder={tc("any")}
          options={[...SUPPORT_CLASSES, "NONE" as const].map((c) => ({ value: c, label: t(`classes.${c}`) }))}
        />
        {parks.length > 1 && (
          <SelectField
            name="park"
            label={t("enterprises.park")}
            defaultValue={filters.parkId ?? ""}
            placeholder={tc("any")}
            options={parks.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <SelectField
          name="status"
          label={tc("status")}
          defaultValue={filters.status ?? ""}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: tc(`statuses.${s}`) }))}
        />
        <button type="submit" className={`${secondaryLinkClass} h-10.5`}>
          {tc("search")}
        </button>
      </form>

      {list.rows.length === 0 ? (
        <EmptyState title={tc("emptyTitle")} body={tc("emptyBody")} />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("enterprises.count", cappedCountParams(list.total))}</p>
          <DataTable
            caption={t("enterprises.tableCaption")}
            rows={list.rows}
            rowKey={(e) => e.id}
            rowTestId={(e) => `enterprise-row-${e.uscc}`}
            columns={[
              {
                key: "name",
                header: t("enterprises.name"),
                rowHeader: true,
                cell: (e) => (
                  <Link href={`/registry/enterprises/${e.id}`} className={linkClass}>
                    {e.name}
                  </Link>
                ),
              },
              { key: "uscc", header: t("enterprises.uscc"), className: "font-mono", onCard: false, cell: (e) => e.uscc },
              { key: "park", header: t("enterprises.park"), cell: (e) => e.parkName },
              {
                key: "section",
                header: t("enterprises.section"),
                onCard: false,
                cell: (e) => `${e.industrySection}${e.industryDivision ? ` / ${e.industryDivision}` : ""}`,
              },
              { key: "size", header: t("enterprises.size"), onCard: false, cell: (e) => tEnt(`sizes.${e.size}`) },
              { key: "class", header: t("enterprises.class"), cell: (e) => t(`classes.${e.supportClass ?? "NONE"}`) },
              { key: "tags", header: t("enterprises.tags"), onCard: false, cell: (e) => e.tags.join("、") || tc("none") },
              {
                key: "status",
                header: tc("status"),
                cell: (e) => <Badge tone={e.active ? "ok" : "muted"}>{tc(`statuses.${e.active ? "active" : "inactive"}`)}</Badge>,
              },
            ]}
          />
          <KeysetPager
            previous={list.previous}
            next={list.next}
            hrefFor={hrefFor}
            labels={{ nav: tc("pagination"), previous: tc("previous"), next: tc("next") }}
          />
        </>
      )}
    </main>
  );
}
