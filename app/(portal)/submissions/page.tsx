import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { SelectField } from "@/components/ui/select-field";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { endedQuartersOfYear, parseQuarterParam, quarterParam, type TQuarterKey } from "@/lib/submissions/quarter";
import { listSubmissionRows, STATUS_FILTERS, type TStatusFilter } from "@/lib/submissions/queries/list-submission-rows";
import { listSubmissionPrograms, pickProgram, windowDaysOf } from "@/lib/submissions/queries/list-submission-programs";
import { OpenSubmissionForm } from "./open-form";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// A bank sees its quarters (the ended quarters of the programme's year) and starts a
// submission from here; the finance office and the central bank see every paired bank
// for one quarter. Which rows: the query's scope (lib/submissions/queries).
export default async function SubmissionsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("submissions.read");
  const params = await searchParams;
  const now = new Date();
  const [t, tLedgers, locale, programs] = await Promise.all([
    getTranslations("submissions"),
    getTranslations("ledgers.download"),
    getLocale().then(resolveLocale),
    listSubmissionPrograms(db()),
  ]);
  const program = pickProgram(programs, one(params.program), now);
  const isBank = areaOfRole(user.role) === "bank";
  const mode = isBank ? "bank" : user.role === "CENTRAL_BANK_STAFF" ? "read" : "review";

  if (!program) {
    return (
      <PageMain title={t("title")}>
        <EmptyState title={t("empty.noProgramTitle")} body={t("empty.noProgramBody")} />
      </PageMain>
    );
  }

  const yearQuarters: TQuarterKey[] = ([1, 2, 3, 4] as const).map((quarter) => ({ year: program.year, quarter }));
  const ended = endedQuartersOfYear(program.year, now);
  const askedQuarter = parseQuarterParam(one(params.quarter));
  const chosen = askedQuarter && askedQuarter.year === program.year ? askedQuarter : (ended[0] ?? yearQuarters[0]!);
  const filter: TStatusFilter = (STATUS_FILTERS as readonly string[]).includes(one(params.status) ?? "")
    ? (one(params.status) as TStatusFilter)
    : "all";
  const quarters = isBank ? ended : [chosen];
  // The window days are read once: the intro shows them and the rows' due dates use them.
  const windowDaysQuery = windowDaysOf(db(), program.id);
  const [rows, windowDays] = await Promise.all([
    listSubmissionRows(db(), user, { programId: program.id, quarters, filter, now, windowDays: windowDaysQuery }),
    windowDaysQuery,
  ]);
  const qLabel = (q: TQuarterKey) => t("quarterLabel", { year: q.year, quarter: q.quarter });

  return (
    <PageMain title={t("title")}>
      <p className="text-slate-700">{t("programLine", { name: program.name, year: program.year })}</p>
      <p className="text-slate-700">{t(`intro.${mode}`, { days: windowDays })}</p>

      <form method="get" role="search" className="flex flex-wrap items-end gap-3" data-testid="submission-filters">
        {programs.length > 1 && (
          <SelectField
            name="program"
            label={t("filters.program")}
            defaultValue={program.id}
            options={programs.map((p) => ({ value: p.id, label: t("programLine", { name: p.name, year: p.year }) }))}
          />
        )}
        {!isBank && (
          <SelectField
            name="quarter"
            label={t("filters.quarter")}
            defaultValue={quarterParam(chosen)}
            options={yearQuarters.map((q) => ({ value: quarterParam(q), label: qLabel(q) }))}
          />
        )}
        <SelectField
          name="status"
          label={t("filters.status")}
          defaultValue={filter}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`statusFilter.${s}`) }))}
        />
        <button type="submit" className={secondaryLinkClass}>
          {t("filters.apply")}
        </button>
      </form>

      {rows.length === 0 ? (
        <EmptyState
          title={t(isBank && filter === "all" ? "empty.bankTitle" : "empty.quarterTitle")}
          body={t(isBank && filter === "all" ? "empty.bankBody" : "empty.quarterBody")}
        />
      ) : (
        <DataTable
          caption={t("title")}
          rows={rows}
          rowKey={(r) => `${r.bankOrgId}-${r.year}-${r.quarter}`}
          rowTestId={(r) => `submission-row-${r.bankOrgId}-${quarterParam(r)}`}
          columns={[
            { key: "bank", header: t("columns.bank"), rowHeader: true, className: "text-slate-900", cell: (r) => r.bankName },
            { key: "quarter", header: t("columns.quarter"), cell: (r) => qLabel(r) },
            { key: "status", header: t("columns.status"), cell: (r) => t(`status.${r.submission?.status ?? "notStarted"}`) },
            { key: "dueAt", header: t("columns.dueAt"), cell: (r) => formatDate(r.dueAt, locale) },
            {
              key: "submittedAt",
              header: t("columns.submittedAt"),
              onCard: false,
              cell: (r) => (r.submission?.submittedAt ? formatDateTime(r.submission.submittedAt, locale) : "—"),
            },
            {
              key: "late",
              header: t("columns.late"),
              cell: (r) => (
                <span className={r.lateState === "late" || r.lateState === "overdue" ? "font-medium text-red-700" : ""}>
                  {t(`lateState.${r.lateState}`)}
                </span>
              ),
            },
            {
              key: "actions",
              header: t("columns.actions"),
              cell: (r) => {
                const label = `${r.bankName} ${qLabel(r)}`;
                return r.submission ? (
                  <span className="flex flex-wrap gap-x-3 gap-y-1">
                    <Link href={`/submissions/${r.submission.id}`} className="text-brand-700 underline">
                      {t("view")}
                      <span className="sr-only"> {label}</span>
                    </Link>
                    {/* The 解决台账 exists as an official file once the submission is accepted. */}
                    {r.submission.status === SubmissionStatus.ACCEPTED && (
                      <>
                        <DownloadLink href={`/submissions/${r.submission.id}/ledger/export`} className="text-brand-700 underline">
                          {tLedgers("excel")}
                          <span className="sr-only"> {label}</span>
                        </DownloadLink>
                        <DownloadLink href={`/submissions/${r.submission.id}/ledger/pdf`} className="text-brand-700 underline">
                          {tLedgers("pdf")}
                          <span className="sr-only"> {label}</span>
                        </DownloadLink>
                      </>
                    )}
                  </span>
                ) : r.canOpen ? (
                  <OpenSubmissionForm programId={program.id} quarter={quarterParam(r)} label={label} />
                ) : (
                  "—"
                );
              },
            },
          ]}
        />
      )}
    </PageMain>
  );
}

function PageMain({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={title} />
      {children}
    </main>
  );
}
