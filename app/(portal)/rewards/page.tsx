import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { listRankings } from "@/lib/ranking/queries/list-rankings";
import { listRegisterBanks } from "@/lib/rewards/queries/list-register-banks";
import { listRewardRestrictions, type TRewardRestrictionRow } from "@/lib/rewards/queries/list-reward-restrictions";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RecordForm } from "./record-form";

export const dynamic = "force-dynamic";

// The register of rewards and restrictions: the finance office records, the central bank
// branch reads, each bank reads its own entries (scoped in listRewardRestrictions).
export default async function RewardsPage() {
  const user = await requirePermission("rewards.read");
  const [t, program] = await Promise.all([getTranslations("rewards"), getCurrentProgram(db())]);
  const isBank = areaOfRole(user.role) === "bank";
  const mayRecord = can(user.role, "rewards.manage");
  const rows = program ? await listRewardRestrictions(db(), user, program.id) : [];
  const [banks, annuals] =
    program && mayRecord
      ? await Promise.all([listRegisterBanks(db(), program.id), listRankings(db(), user, program.id, "YEAR")])
      : [[], []];
  const state = (r: TRewardRestrictionRow) =>
    r.supersededById
      ? t("state.superseded")
      : r.withdrawn
        ? t("state.withdrawal")
        : r.supersedesId
          ? t("state.correction")
          : t("state.inForce");

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={isBank ? t("bankIntro") : t("intro")} />
      {!program ? (
        <EmptyState title={t("title")} body={t("noProgram")} />
      ) : (
        <>
          {rows.length === 0 ? (
            <p className="text-slate-600">{t("empty")}</p>
          ) : (
            <DataTable
              caption={t("title")}
              testId="rewards-table"
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                { key: "issuedOn", header: t("columns.issuedOn"), className: "whitespace-nowrap tabular-nums", cell: (r) => r.issuedOn },
                { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
                { key: "kind", header: t("columns.kind"), cell: (r) => t(`kinds.${r.kind}`) },
                { key: "measure", header: t("columns.measure"), cell: (r) => r.measure },
                { key: "issuingOffice", header: t("columns.issuingOffice"), cell: (r) => r.issuingOffice },
                { key: "basis", header: t("columns.basis"), className: "max-w-md", onCard: false, cell: (r) => r.basis },
                {
                  key: "ranking",
                  header: t("columns.ranking"),
                  cell: (r) => (r.rankingYear !== null ? t("rankingValue", { year: r.rankingYear }) : "—"),
                },
                { key: "state", header: t("columns.state"), cell: state },
              ]}
            />
          )}
          {mayRecord && (
            <RecordForm
              programId={program.id}
              banks={banks.map((b) => ({ value: b.id, label: b.name }))}
              annuals={annuals
                .filter((r) => r.status === "PUBLISHED")
                .map((r) => ({ value: r.id, label: t("rankingValue", { year: r.year }) }))}
              entries={rows
                .filter((r) => !r.supersededById)
                .map((r) => ({ value: r.id, label: `${r.issuedOn} ${r.bankName} ${r.measure}` }))}
            />
          )}
        </>
      )}
    </main>
  );
}
