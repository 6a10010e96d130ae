import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { getKeyList } from "@/lib/key-lists/queries/get-key-list";
import { listKeyListMembers, type TKeyMemberRow } from "@/lib/key-lists/queries/list-key-list-members";
import type { TBankCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import { keyListStepAllowed } from "@/lib/key-lists/rules";
import { cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { CoverageFigure, coverageColumns } from "../coverage-cells";
import { OUTCOME_TONE, STATUS_TONE } from "../status-tone";
import { AddMembersForm } from "./add-members-form";
import { KeyListStepForm } from "./key-list-step-form";

export const dynamic = "force-dynamic";

// One list: its coverage per bank, the finance office's steps (fill, hand over, close)
// and its members by USCC, each a link to the member's contacts.
export default async function KeyListPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("keyLists.read");
  const { id } = await params;
  const list = isUuid(id) ? await getKeyList(db(), user, id) : null;
  if (!list) notFound();
  const [t, locale, members] = await Promise.all([
    getTranslations("keyLists"),
    getLocale().then(resolveLocale),
    listKeyListMembers(db(), user, list.id, parsePageCursor(await searchParams)),
  ]);
  const mayManage = can(user.role, "keyLists.manage");
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/key-lists" label={t("title")} />
      <PageHeader
        title={list.name}
        intro={t("detailIntro", { year: list.year, program: list.programName, source: list.sourceTag ?? t("imported") })}
        actions={
          can(user.role, "keyLists.export") ? (
            <DownloadLink href={`/key-lists/${list.id}/export`} className={secondaryLinkClass}>
              {t("exportButton")}
            </DownloadLink>
          ) : undefined
        }
      />
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <Badge tone={STATUS_TONE[list.status]} testId="key-list-status">
          {t(`statuses.${list.status}`)}
        </Badge>
        {list.assignedAt && t("assignedOn", { date: formatDate(list.assignedAt, locale) })}
        {list.closedAt && t("closedOn", { date: formatDate(list.closedAt, locale) })}
      </p>

      {mayManage && keyListStepAllowed("assign", list.status) && <KeyListStepForm step="assign" listId={list.id} version={list.version} />}
      {mayManage && keyListStepAllowed("close", list.status) && <KeyListStepForm step="close" listId={list.id} version={list.version} />}
      {mayManage && keyListStepAllowed("addMembers", list.status) && <AddMembersForm listId={list.id} />}

      <section aria-labelledby="coverage-title" className="space-y-3">
        <h2 id="coverage-title" className="text-lg font-medium">
          {list.ownBanksOnly ? t("coverageOwn") : t("coverageTitle")}
        </h2>
        <p className="text-sm text-slate-700">
          {t("coverageTotal")} <CoverageFigure coverage={list.total} testId="key-list-coverage" />
        </p>
        {list.banks.length > 0 && (
          <DataTable<TBankCoverage>
            caption={t("coverageTitle")}
            testId="key-list-banks"
            rows={list.banks}
            rowKey={(r) => r.bankOrgId ?? "unassigned"}
            columns={[
              { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName ?? t("unassigned") },
              { key: "members", header: t("columns.members"), numeric: true, onCard: true, cell: (r) => r.coverage.members },
              ...coverageColumns(t),
            ]}
          />
        )}
      </section>

      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-lg font-medium">
          {t("membersTitle")}
        </h2>
        {members.rows.length === 0 ? (
          <EmptyState title={t("noMembersTitle")} body={t("noMembersBody")} />
        ) : (
          <DataTable<TKeyMemberRow>
            caption={t("membersTitle")}
            testId="key-list-members"
            rows={members.rows}
            rowKey={(r) => r.id}
            rowTestId={() => "key-member-row"}
            columns={[
              {
                key: "enterprise",
                header: t("columns.enterprise"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/key-lists/members/${r.id}`} className={linkClass}>
                    {r.enterpriseName}
                  </Link>
                ),
              },
              { key: "uscc", header: t("columns.uscc"), onCard: true, cell: (r) => r.uscc },
              { key: "park", header: t("columns.park"), onCard: true, cell: (r) => r.parkName },
              { key: "bank", header: t("columns.bank"), onCard: true, cell: (r) => r.bankName ?? t("unassigned") },
              {
                key: "outcome",
                header: t("columns.outcome"),
                onCard: true,
                cell: (r) =>
                  r.lastOutcome ? (
                    <Badge tone={OUTCOME_TONE[r.lastOutcome]}>{t(`outcomes.${r.lastOutcome}`)}</Badge>
                  ) : (
                    <span className="text-slate-600">{t("notContacted")}</span>
                  ),
              },
              {
                key: "contacted",
                header: t("columns.lastContact"),
                onCard: true,
                cell: (r) => (r.lastContactedOn ? formatDate(r.lastContactedOn, locale) : "—"),
              },
            ]}
          />
        )}
        <KeysetPager
          previous={members.previous}
          next={members.next}
          hrefFor={(c) => `/key-lists/${list.id}?${cursorParam(c.direction)}=${c.token}`}
          labels={{ nav: t("pager"), previous: t("previous"), next: t("next") }}
        />
      </section>
    </main>
  );
}
