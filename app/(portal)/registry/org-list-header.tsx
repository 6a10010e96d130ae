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
import { STATUS_FILTERS } from "@/lib/registry/rules";

type Props = {
  user: TSessionUser;
  title: string;
  intro: string;
  /** "Create" link for those who may create organizations. */
  create: { href: string; label: string };
  /** e.g. "/registry/parks/export"; the current filters are appended. */
  exportPath: string;
  exportQuery: string;
  keyword: { label: string; value: string };
  status: string;
  /** Filters of this list only (e.g. bank level), placed before the status filter. */
  extraFilters?: ReactNode;
};

// The top of the park, bank and guarantee-company lists: title, create and export
// links, and the search form (keyword, own filters, status for those who see inactive ones).
export async function OrgListHeader({ user, title, intro, create, exportPath, exportQuery, keyword, status, extraFilters }: Props) {
  const tr = await getTranslations("registry");
  return (
    <>
      <BackLink href="/registry" label={tr("common.backToIndex")} />
      <PageHeader
        title={title}
        intro={intro}
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
    </>
  );
}
