import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DownloadLink } from "@/components/ui/download-link";
import { buttonLinkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { canActor } from "@/lib/auth/permissions";
import { STATUS_FILTERS, filtersQuery, type TOrgFilters } from "@/lib/registry/rules";

type Props = {
  user: TSessionUser;
  /** Which list: its words are under "registry.<kind>", its export at /registry/<kind>/export. */
  kind: "banks" | "parks" | "guarantors";
  filters: TOrgFilters;
  /** "Create" link for those who may create organizations. */
  create: { href: string; label: string };
  /** Filters of this list only (the bank level), placed before the status filter. */
  extraFilters?: ReactNode;
  /** The list itself. */
  children: ReactNode;
};

// The park, bank and guarantee-company lists: title, create and export links, the search
// form (keyword, own filters, status for those who see inactive ones), then the list.
export async function OrgListPage({ user, kind, filters, create, extraFilters, children }: Props) {
  const [t, tr] = await Promise.all([getTranslations(`registry.${kind}`), getTranslations("registry")]);
  // Only the bank list filters by level, so only its export carries the level on.
  const exportQuery = filtersQuery(kind === "banks" ? filters : { q: filters.q, status: filters.status });
  const exportPath = `/registry/${kind}/export`;
  const keyword = { label: t("keywordLabel"), value: filters.q };
  const { status } = filters;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/registry" label={tr("common.backToIndex")} />
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <>
            {canActor(user, "orgs.create") && (
              <Link href={create.href} className={buttonLinkClass}>
                {create.label}
              </Link>
            )}
            {canActor(user, "registry.export") && (
              <DownloadLink href={`${exportPath}${exportQuery ? `?${exportQuery}` : ""}`} className={secondaryLinkClass}>
                {tr("common.export")}
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
        <TextField name="q" type="search" label={keyword.label} defaultValue={keyword.value} maxLength={64} className="sm:col-span-2" />
        {extraFilters}
        {canActor(user, "orgs.read") && (
          <SelectField
            name="status"
            label={tr("common.status")}
            defaultValue={status ?? ""}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: tr(`common.statuses.${s}`) }))}
          />
        )}
        <button type="submit" className={secondaryLinkClass}>
          {tr("common.search")}
        </button>
      </form>
      {children}
    </main>
  );
}
