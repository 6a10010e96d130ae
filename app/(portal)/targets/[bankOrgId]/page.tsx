import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { listTargetVersions } from "@/lib/targets/queries/list-target-versions";
import { fenToWanInput } from "@/lib/submissions/figures";
import { TargetForm } from "./target-form";

export const dynamic = "force-dynamic";

// One bank's target for the year: the form (a new version each time) and every version.
export default async function BankTargetPage({ params }: { params: Promise<{ bankOrgId: string }> }) {
  const user = await requirePermission("targets.manage");
  const { bankOrgId } = await params;
  const program = await getCurrentProgram(db());
  if (!program) notFound();
  const [history, t, locale] = await Promise.all([
    listTargetVersions(db(), actorOf(user), { programId: program.id, year: program.year, bankOrgId }),
    getTranslations("targets"),
    getLocale().then(resolveLocale),
  ]);
  if (!history) notFound();
  const current = history.versions[0] ?? null;
  const initial: Record<string, string> = current
    ? {
        amount: fenToWanInput(BigInt(current.amountFen)),
        borrowers: String(current.borrowers),
        firstLoans: String(current.firstLoans),
        creditLoans: String(current.creditLoans),
      }
    : {};
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/targets" label={t("backToList")} />
      <PageHeader title={history.bankName} intro={t("intro", { year: program.year })} />
      <TargetForm
        programId={program.id}
        bankOrgId={history.bankOrgId}
        title={t("form.title", { bank: history.bankName, year: program.year })}
        version={current?.version ?? null}
        initial={initial}
      />
      <section aria-labelledby="target-history" className="space-y-3">
        <h2 id="target-history" className="text-lg font-medium">
          {t("history.title")}
        </h2>
        {history.versions.length === 0 ? (
          <p className="text-slate-600">{t("history.empty")}</p>
        ) : (
          <DataTable
            caption={t("history.caption", { bank: history.bankName, year: program.year })}
            rows={history.versions}
            rowKey={(v) => v.id}
            columns={[
              { key: "version", header: t("columns.version"), rowHeader: true, cell: (v) => t("versionValue", { version: v.version }) },
              { key: "amount", header: t("columns.amount"), numeric: true, cell: (v) => formatWanYuan(v.amountFen, locale) },
              { key: "borrowers", header: t("columns.borrowers"), numeric: true, cell: (v) => v.borrowers },
              { key: "firstLoans", header: t("columns.firstLoans"), numeric: true, cell: (v) => v.firstLoans },
              { key: "creditLoans", header: t("columns.creditLoans"), numeric: true, cell: (v) => v.creditLoans },
              { key: "setAt", header: t("columns.setAt"), cell: (v) => formatDateTime(v.setAt, locale) },
              { key: "setBy", header: t("columns.setBy"), cell: (v) => v.setByName ?? "—" },
              { key: "note", header: t("columns.note"), cell: (v) => v.note ?? "—" },
            ]}
          />
        )}
      </section>
    </main>
  );
}
