import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { listSupportVerdicts, type TVerdictRow } from "@/lib/support/queries/list-support-verdicts";
import { COMMEND_FROM, CRITICIZE_BELOW } from "@/lib/support/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { SupportTabs } from "../support-tabs";

export const dynamic = "force-dynamic";

// The year-end assessment's result: the pairings commended (表彰) and those criticized
// (通报批评), as the leading group office reports them to the government. Each pairing is
// scored on its own page.
export default async function SupportAssessmentPage() {
  await requirePermission("support.read");
  const [t, program] = await Promise.all([getTranslations("support"), getCurrentProgram(db())]);
  const lists = program ? await listSupportVerdicts(db(), program.year) : null;
  const table = (rows: TVerdictRow[], caption: string, testId: string) =>
    rows.length === 0 ? (
      <p className="text-slate-600">{t("assessment.none")}</p>
    ) : (
      <DataTable
        caption={caption}
        testId={testId}
        rows={rows}
        rowKey={(r) => r.pairingId}
        columns={[
          {
            key: "enterprise",
            header: t("columns.enterprise"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/support/${r.pairingId}`} className={linkClass}>
                {r.enterpriseName}
              </Link>
            ),
          },
          { key: "bank", header: t("columns.bank"), cell: (r) => r.bankName, onCard: true },
          { key: "score", header: t("assessment.totalScore"), numeric: true, cell: (r) => r.totalScore, onCard: true },
          { key: "comment", header: t("assessment.comment"), cell: (r) => r.comment ?? "—" },
        ]}
      />
    );
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("assessment.listTitle")} intro={t("assessment.intro", { commend: COMMEND_FROM, criticize: CRITICIZE_BELOW })} />
      <SupportTabs current="assessment" />
      {!lists ? (
        <EmptyState title={t("pairings.emptyTitle")} body={t("pairings.emptyBody")} />
      ) : (
        <>
          <Panel title={t("assessment.commendTitle")}>{table(lists.COMMEND, t("assessment.commendTitle"), "commend-list")}</Panel>
          <Panel title={t("assessment.criticizeTitle")}>{table(lists.CRITICIZE, t("assessment.criticizeTitle"), "criticize-list")}</Panel>
        </>
      )}
    </main>
  );
}
