import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { canActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getSupportPairing } from "@/lib/support/queries/get-support-pairing";
import { isReportingMonth } from "@/lib/support/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { AssessmentForm } from "../assessment-form";
import { ReportForm } from "../report-form";
import { reportColumns } from "../report-columns";
import { SupportFileForm } from "../support-file-form";

export const dynamic = "force-dynamic";

const wanOf = (fen: string) => (Number(BigInt(fen) / 100n) / 10_000).toFixed(2);

// One pairing: its support file (the bank edits it), its months of reports (the bank files
// a month not yet filed here; a returned or late month is refiled from the report's page),
// the enterprise's class history and the year-end assessment (the offices score it).
export default async function SupportPairingPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const user = await requirePermission("support.read");
  const { pairingId } = await params;
  const ctx = await loadScopeContext(db(), user);
  const pairing = await getSupportPairing(db(), user, ctx, pairingId);
  if (!pairing) notFound();
  const [t, locale] = await Promise.all([getTranslations("support"), getLocale().then(resolveLocale)]);
  const isBank = areaOfRole(user.role) === "bank" && canActor(user, "pairings.reportProgress") && !pairing.ended;
  const now = new Date();
  const filed = new Set(pairing.reports.map((r) => r.month));
  const open = Array.from({ length: 12 }, (_, i) => `${pairing.year}-${String(12 - i).padStart(2, "0")}`).filter(
    (m) => !filed.has(m) && isReportingMonth(m, pairing.year, pairing.rules.startMonth, now),
  );
  const file = pairing.file;
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/support" label={t("backToList")} />
      <PageHeader
        title={pairing.enterpriseName}
        intro={t("pairing.intro", { bank: pairing.bankName, manager: pairing.accountManagerName, year: pairing.year })}
      />
      <Panel title={t("file.title")}>
        <DetailList
          rows={[
            [t("columns.class"), pairing.supportClass ? t(`classes.${pairing.supportClass}`) : "—"],
            [t("file.profile"), file?.profile ?? "—"],
            [t("file.coachingPlan"), file?.coachingPlan ?? "—"],
            [t("file.creditLineTarget"), file?.creditLineTargetFen ? formatWanYuan(file.creditLineTargetFen, locale) : "—"],
            [t("file.otherTargets"), file?.otherTargets ?? "—"],
          ]}
        />
        {isBank && (
          <SupportFileForm
            pairingId={pairing.id}
            version={file?.version ?? 0}
            initial={{
              profile: file?.profile ?? "",
              coachingPlan: file?.coachingPlan ?? "",
              creditLineTarget: file?.creditLineTargetFen ? wanOf(file.creditLineTargetFen) : "",
              otherTargets: file?.otherTargets ?? "",
            }}
          />
        )}
      </Panel>
      <Panel
        title={t("pairing.reportsTitle")}
        hint={t("pairing.reportsHint", { month: pairing.rules.startMonth, day: pairing.rules.dueDay })}
      >
        {pairing.reports.length === 0 ? (
          <p className="text-slate-600">{t("pairing.noReports")}</p>
        ) : (
          <DataTable
            caption={t("pairing.reportsTitle")}
            testId="pairing-reports"
            rows={pairing.reports}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "month",
                header: t("columns.month"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/support/reports/${r.id}`} className={linkClass}>
                    {r.month}
                  </Link>
                ),
              },
              ...reportColumns<(typeof pairing.reports)[number]>(t, locale),
            ]}
          />
        )}
        {isBank && open.length > 0 && <ReportForm pairingId={pairing.id} months={open} version={0} initial={{}} />}
      </Panel>
      <Panel title={t("pairing.classTitle")}>
        {pairing.classChanges.length === 0 ? (
          <p className="text-slate-600">{t("pairing.noClassChanges")}</p>
        ) : (
          <DataTable
            caption={t("pairing.classTitle")}
            rows={pairing.classChanges}
            rowKey={(c) => c.changedAt.toISOString()}
            testId="class-changes"
            columns={[
              { key: "at", header: t("columns.changedAt"), rowHeader: true, cell: (c) => formatDate(c.changedAt, locale) },
              { key: "change", header: t("columns.classChange"), cell: (c) => `${c.fromClass ?? "—"} → ${c.toClass}`, onCard: true },
              { key: "reason", header: t("columns.reason"), cell: (c) => c.reason, onCard: true },
            ]}
          />
        )}
      </Panel>
      {(pairing.assessment || canActor(user, "support.assess")) && (
        <Panel title={t("assessment.title")}>
          {pairing.assessment && (
            <DetailList
              rows={[
                [t("assessment.totalScore"), String(pairing.assessment.totalScore)],
                [t("assessment.verdict"), t(`verdicts.${pairing.assessment.verdict}`)],
              ]}
            />
          )}
          {canActor(user, "support.assess") && (
            <AssessmentForm
              pairingId={pairing.id}
              version={pairing.assessment?.version ?? 0}
              initial={{
                coachingScore: pairing.assessment ? String(pairing.assessment.coachingScore) : "",
                creditScore: pairing.assessment ? String(pairing.assessment.creditScore) : "",
                reportingScore: pairing.assessment ? String(pairing.assessment.reportingScore) : "",
                comment: pairing.assessment?.comment ?? "",
              }}
            />
          )}
        </Panel>
      )}
    </main>
  );
}
