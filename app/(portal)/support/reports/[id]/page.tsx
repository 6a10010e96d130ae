import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { formatDate, formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getSupportReport } from "@/lib/support/queries/get-support-report";
import { canSupportStep } from "@/lib/support/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ReportForm } from "../../report-form";
import { ReviewForm } from "../../review-form";
import { ReportStatusBadge } from "../../status-badge";

export const dynamic = "force-dynamic";

// One monthly report: its state, every revision the bank filed and every decision of the
// office (newest first, none ever edited). The buttons come from the step table
// (canSupportStep): the office the rules name reviews a filed report; the bank refiles a
// returned one or files a month flagged late.
export default async function SupportReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("support.read");
  const { id } = await params;
  const report = await getSupportReport(db(), user, await loadScopeContext(db(), user), id);
  if (!report) notFound();
  const [t, locale] = await Promise.all([getTranslations("support"), getLocale().then(resolveLocale)]);
  const canReview = canActor(user, "support.review") && user.orgKind === report.reviewingOffice && canSupportStep("accept", report.status);
  const canFile = areaOfRole(user.role) === "bank" && canActor(user, "pairings.reportProgress") && canSupportStep("file", report.status);
  const last = report.revisions[0];
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/support/reports" label={t("reports.back")} />
      <PageHeader
        title={t("report.title", { enterprise: report.enterpriseName, month: report.month })}
        intro={t("report.intro", { bank: report.bankName, manager: report.accountManagerName })}
      />
      <Panel title={t("report.stateTitle")}>
        <DetailList
          rows={[
            [t("columns.status"), <ReportStatusBadge key="s" status={report.status} late={report.late} />],
            [t("columns.dueOn"), formatDate(report.dueOn, locale)],
            [t("columns.revision"), String(report.revision)],
            [t("report.reviewingOffice"), t(`offices.${report.reviewingOffice}`)],
            ...(report.returnReason ? [[t("report.returnReason"), report.returnReason] as const] : []),
          ]}
        />
      </Panel>
      {canReview && <ReviewForm reportId={report.id} version={report.version} />}
      {canFile && (
        <Panel title={report.status === "RETURNED" ? t("report.refileTitle") : t("report.lateTitle")}>
          <ReportForm
            pairingId={report.pairingId}
            months={[report.month]}
            version={report.version}
            initial={
              last
                ? {
                    plan: last.plan,
                    progress: last.progress,
                    creditGranted: last.creditGrantedFen === "0" ? "" : (Number(BigInt(last.creditGrantedFen) / 100n) / 10_000).toFixed(2),
                    ...Object.fromEntries(
                      last.activities.slice(0, 3).flatMap((a, i) => [
                        [`a${i}Kind`, a.kind],
                        [`a${i}Date`, a.date],
                        [`a${i}Topics`, a.topics],
                        [`a${i}Attendees`, a.attendees],
                      ]),
                    ),
                  }
                : {}
            }
          />
        </Panel>
      )}
      {report.revisions.map((v) => (
        <Panel key={v.revision} title={t("report.revisionTitle", { revision: v.revision })} testId={`revision-${v.revision}`}>
          <DetailList
            rows={[
              [t("report.filedAt"), `${formatDateTime(v.filedAt, locale)} · ${v.filedByName}${v.late ? ` · ${t("late")}` : ""}`],
              [t("report.plan"), v.plan],
              [t("report.progress"), v.progress],
              [t("report.creditGranted"), formatWanYuan(v.creditGrantedFen, locale)],
            ]}
          />
          {v.activities.length > 0 && (
            <DataTable
              caption={t("report.activitiesCaption", { revision: v.revision })}
              rows={v.activities}
              rowKey={(a) => `${a.date}-${a.topics}`}
              columns={[
                { key: "date", header: t("report.activityDate"), rowHeader: true, cell: (a) => a.date },
                { key: "kind", header: t("report.activityKind"), cell: (a) => t(`activityKinds.${a.kind}`), onCard: true },
                { key: "topics", header: t("report.activityTopics"), cell: (a) => a.topics, onCard: true },
                { key: "attendees", header: t("report.activityAttendees"), cell: (a) => a.attendees, onCard: true },
              ]}
            />
          )}
        </Panel>
      ))}
      {report.reviews.length > 0 && (
        <Panel title={t("report.reviewsTitle")}>
          <DataTable
            caption={t("report.reviewsTitle")}
            testId="report-reviews"
            rows={report.reviews}
            rowKey={(r) => r.reviewedAt.toISOString()}
            columns={[
              { key: "at", header: t("report.reviewedAt"), rowHeader: true, cell: (r) => formatDateTime(r.reviewedAt, locale) },
              { key: "decision", header: t("report.decision"), cell: (r) => t(`decisions.${r.decision}`), onCard: true },
              { key: "revision", header: t("columns.revision"), numeric: true, cell: (r) => r.revision },
              { key: "reason", header: t("columns.reason"), cell: (r) => r.reason ?? "—", onCard: true },
              { key: "who", header: t("report.reviewer"), cell: (r) => r.reviewerName },
            ]}
          />
        </Panel>
      )}
    </main>
  );
}
