import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { DownloadLink } from "@/components/ui/download-link";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDate, formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { figureToRaw, type TRawFigureRow } from "@/lib/submissions/figures";
import { getSubmissionDetail, type TSubmissionDetail } from "@/lib/submissions/queries/get-submission-detail";
import { FiguresForm, ReviewForms, SubmitForm } from "./submission-forms";

export const dynamic = "force-dynamic";

type TTranslate = Awaited<ReturnType<typeof getTranslations<"submissions">>>;

// One bank's submission for one quarter: the ledger part (read-only, from the portal's
// records; the frozen snapshot once accepted), the figures per paired park (a form for the
// bank while DRAFT or RETURNED), and the finance office's review while SUBMITTED.
export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("submissions.read");
  const { id } = await params;
  const detail = await getSubmissionDetail(db(), user, id);
  if (!detail) notFound();
  const [t, tLedgers, locale] = await Promise.all([
    getTranslations("submissions"),
    getTranslations("ledgers.download"),
    getLocale().then(resolveLocale),
  ]);
  const date = (d: Date | null) => (d ? formatDateTime(d, locale) : t("detail.notYet"));
  const editable = detail.status === "DRAFT" || detail.status === "RETURNED";
  const roleLabel = (role: TSubmissionDetail["parks"][number]["role"]) => t(`figures.roles.${role ?? "ended"}`);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <div className="space-y-2">
        <BackLink href="/submissions" label={t("detail.back")} />
        <PageHeader title={t("detail.title", { bank: detail.bankName, year: detail.year, quarter: detail.quarter })} />
      </div>
      <DetailList
        rows={[
          [t("detail.program"), detail.programName],
          [
            t("detail.status"),
            <span key="s" data-testid="submission-status">
              {t(`status.${detail.status}`)}
            </span>,
          ],
          [t("detail.dueAt"), detail.dueAt ? formatDate(detail.dueAt, locale) : t("detail.notYet")],
          [t("detail.submittedAt"), date(detail.submittedAt)],
          [
            t("detail.late"),
            detail.submittedAt ? (
              <span key="l" className={detail.late ? "font-medium text-red-700" : ""}>
                {t(`lateState.${detail.late ? "late" : "onTime"}`)}
              </span>
            ) : (
              t("detail.notYet")
            ),
          ],
          [t("detail.reviewedAt"), date(detail.reviewedAt)],
          [t("detail.reviewer"), detail.reviewerName ?? t("detail.notYet")],
        ]}
      />
      {detail.status === "RETURNED" && detail.returnReason && (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="return-reason">
          <p className="font-medium">{t("detail.returnedTitle")}</p>
          <p className="mt-1">{t("detail.returnReason", { reason: detail.returnReason })}</p>
          {detail.can.edit && <p className="mt-1 text-sm">{t("detail.returnedHint")}</p>}
        </div>
      )}
      {detail.frozenAt && (
        <p role="note" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-slate-800" data-testid="frozen-note">
          {t("detail.frozenNote", { date: formatDateTime(detail.frozenAt, locale) })}
        </p>
      )}
      {detail.status === SubmissionStatus.ACCEPTED && (
        <div className="flex flex-wrap items-center gap-3" data-testid="ledger-downloads">
          <DownloadLink href={`/submissions/${detail.id}/ledger/export`} className={secondaryLinkClass}>
            {tLedgers("excel")}
          </DownloadLink>
          <DownloadLink href={`/submissions/${detail.id}/ledger/pdf`} className={secondaryLinkClass}>
            {tLedgers("pdf")}
          </DownloadLink>
          <p className="text-sm text-slate-600">{tLedgers("ledgerHint")}</p>
        </div>
      )}
      {editable && !detail.can.edit && areaOfRole(user.role) === "bank" && (
        <p className="text-slate-700">{t("detail.readOnlyNote", { bank: detail.bankName })}</p>
      )}

      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-xl font-semibold">
          {t("figures.title")}
        </h2>
        {detail.parks.length === 0 ? (
          <p className="text-slate-700">{t("figures.noParks")}</p>
        ) : detail.can.edit ? (
          <>
            <p className="text-sm text-slate-700">{t("figures.intro")}</p>
            {detail.parks.some((p) => !p.figure && p.prefill) && (
              <p className="text-sm text-slate-700" data-testid="figures-prefilled">
                {t("figures.prefilledNote")}
              </p>
            )}
            <FiguresForm
              submissionId={detail.id}
              version={detail.version}
              parks={detail.parks.map((p) => ({
                parkId: p.parkId,
                parkName: p.parkName,
                roleLabel: roleLabel(p.role),
                // A park not filled in yet starts from the loans recorded in the portal.
                values: p.figure ? figureToRaw(p.figure) : p.prefill ? figureToRaw(p.prefill) : ({ parkId: p.parkId } as TRawFigureRow),
              }))}
            />
            <SubmitForm submissionId={detail.id} version={detail.version} />
          </>
        ) : (
          <FiguresTable detail={detail} t={t} locale={locale} roleLabel={roleLabel} />
        )}
      </section>

      <ItemsSection detail={detail} t={t} locale={locale} />

      {detail.can.review && <ReviewForms submissionId={detail.id} version={detail.version} />}
    </main>
  );
}

function FiguresTable({
  detail,
  t,
  locale,
  roleLabel,
}: {
  detail: TSubmissionDetail;
  t: TTranslate;
  locale: "zh-CN" | "en";
  roleLabel: (r: TSubmissionDetail["parks"][number]["role"]) => string;
}) {
  const totals = detail.figureTotals;
  return (
    <DataTable
      caption={t("figures.title")}
      rows={detail.parks}
      rowKey={(p) => p.parkId}
      rowTestId={(p) => `figure-row-${p.parkId}`}
      columns={[
        { key: "park", header: t("figures.park"), rowHeader: true, className: "text-slate-900", cell: (p) => p.parkName },
        { key: "role", header: t("figures.role"), cell: (p) => roleLabel(p.role) },
        {
          key: "loanBalance",
          header: t("figures.loanBalance"),
          numeric: true,
          // A park the bank has not filled in says so once, in the first figure's place.
          cell: (p) =>
            p.figure ? formatWanYuan(p.figure.loanBalanceFen, locale) : <span className="text-slate-500">{t("figures.notFilled")}</span>,
        },
        {
          key: "loanIncrement",
          header: t("figures.loanIncrement"),
          numeric: true,
          cell: (p) => p.figure && formatWanYuan(p.figure.loanIncrementFen, locale),
        },
        { key: "borrowers", header: t("figures.borrowers"), numeric: true, cell: (p) => p.figure?.borrowers },
        { key: "firstLoans", header: t("figures.firstLoans"), numeric: true, cell: (p) => p.figure?.firstLoans },
        { key: "creditLoans", header: t("figures.creditLoans"), numeric: true, cell: (p) => p.figure?.creditLoans },
        {
          key: "averageRate",
          header: t("figures.averageRate"),
          numeric: true,
          cell: (p) => p.figure && (p.figure.averageRate === null ? "—" : Number(p.figure.averageRate).toFixed(2)),
        },
      ]}
      footer={{
        label: t("figures.total"),
        testId: "figure-totals",
        cells: {
          loanBalance: formatWanYuan(totals.loanBalanceFen, locale),
          loanIncrement: formatWanYuan(totals.loanIncrementFen, locale),
          borrowers: totals.borrowers,
          firstLoans: totals.firstLoans,
          creditLoans: totals.creditLoans,
        },
      }}
    />
  );
}

function ItemsSection({ detail, t, locale }: { detail: TSubmissionDetail; t: TTranslate; locale: "zh-CN" | "en" }) {
  const items = detail.items;
  return (
    <section aria-labelledby="items-heading" className="space-y-3" data-testid="items-section">
      <h2 id="items-heading" className="text-xl font-semibold">
        {t("items.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("items.intro")}</p>
      <p className="text-sm text-slate-600">{t("items.asOf", { date: formatDateTime(detail.itemsAsOf, locale) })}</p>
      {detail.itemTotals && (
        <p className="text-slate-800" data-testid="item-totals">
          {t("items.totals", { ...detail.itemTotals })}
        </p>
      )}
      {items === null ? (
        <p className="text-slate-700">{t("items.summaryOnly")}</p>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t("items.empty")}</p>
      ) : (
        <DataTable
          caption={t("items.title")}
          rows={items}
          rowKey={(i) => i.requestId}
          rowTestId={(i) => `item-${i.serial}`}
          columns={[
            {
              key: "serial",
              header: t("items.serial"),
              rowHeader: true,
              className: "font-mono font-normal",
              cell: (i) => (
                <>
                  <Link href={`/requests/${i.requestId}`} className="text-brand-700 underline">
                    {i.serial}
                  </Link>
                  {i.carriedOver && <span className="ml-1 block text-xs text-slate-500">{t("items.carriedOver")}</span>}
                </>
              ),
            },
            { key: "itemTitle", header: t("items.itemTitle"), cell: (i) => i.title },
            { key: "enterprise", header: t("items.enterprise"), cell: (i) => i.enterpriseName },
            { key: "receivedAt", header: t("items.receivedAt"), onCard: false, cell: (i) => formatDate(new Date(i.receivedAt), locale) },
            { key: "dueAt", header: t("items.dueAt"), cell: (i) => (i.dueAt ? formatDate(new Date(i.dueAt), locale) : "—") },
            {
              key: "firstAnswerAt",
              header: t("items.firstAnswerAt"),
              onCard: false,
              cell: (i) => (i.firstAnswerAt ? formatDate(new Date(i.firstAnswerAt), locale) : "—"),
            },
            {
              key: "answerKind",
              header: t("items.answerKind"),
              onCard: false,
              cell: (i) => (i.answerKind ? t(`answerKinds.${i.answerKind as "CAN_DO"}`) : "—"),
            },
            {
              key: "onTime",
              header: t("items.onTime"),
              cell: (i) => (
                <span className={i.onTime === false ? "font-medium text-red-700" : ""}>
                  {t(`items.onTimeValues.${String(i.onTime) as "true"}`)}
                </span>
              ),
            },
            {
              key: "rating",
              header: t("items.rating"),
              onCard: false,
              cell: (i) => (i.rating ? t(`ratings.${i.rating as "SATISFIED"}`) : "—"),
            },
            { key: "itemStatus", header: t("items.itemStatus"), cell: (i) => t(`itemStatus.${i.status as "CLOSED"}`) },
          ]}
        />
      )}
    </section>
  );
}
