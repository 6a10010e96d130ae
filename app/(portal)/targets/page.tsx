import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TargetMeter } from "@/components/dashboard/target-progress";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { readTargetProgress } from "@/lib/targets/queries/read-target-progress";

export const dynamic = "force-dynamic";

// The finance office splits the year's credit targets: every bank paired for the year (or
// already given a target), its target in force and how far it has come.
export default async function TargetsPage() {
  const user = await requirePermission("targets.manage");
  const [t, locale, program] = await Promise.all([getTranslations("targets"), getLocale().then(resolveLocale), getCurrentProgram(db())]);
  const rows = program ? await readTargetProgress(db(), actorOf(user), { year: program.year, programId: program.id }) : [];
  const wan = (fen: string) => formatWanYuan(fen, locale);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={program ? t("intro", { year: program.year }) : undefined} />
      {!program ? (
        <EmptyState title={t("noProgramTitle")} body={t("noProgramBody")} />
      ) : (
        <DataTable
          caption={t("title")}
          testId="targets-table"
          rows={rows}
          rowKey={(r) => r.bankOrgId}
          columns={[
            { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
            {
              key: "version",
              header: t("columns.version"),
              cell: (r) => (r.target ? t("versionValue", { version: r.target.version }) : t("notSet")),
            },
            { key: "amount", header: t("columns.amount"), numeric: true, cell: (r) => (r.target ? wan(r.target.amountFen) : "—") },
            { key: "borrowers", header: t("columns.borrowers"), numeric: true, cell: (r) => r.target?.borrowers ?? "—" },
            { key: "firstLoans", header: t("columns.firstLoans"), numeric: true, cell: (r) => r.target?.firstLoans ?? "—" },
            { key: "creditLoans", header: t("columns.creditLoans"), numeric: true, cell: (r) => r.target?.creditLoans ?? "—" },
            {
              key: "attained",
              header: t("progress.amountAttainment"),
              cell: (r) => <TargetMeter percent={r.attainment.amount} label={t("progress.measures.amount")} />,
            },
            {
              key: "action",
              header: t("columns.action"),
              headerHidden: true,
              cell: (r) => (
                <Link href={`/targets/${r.bankOrgId}`} className={linkClass}>
                  {r.target ? t("change") : t("set")}
                  <span className="sr-only"> {r.bankName}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </main>
  );
}
