import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { readLedgerIntegrity, type TLedgerAnchorRow, type TLedgerIssueRow } from "@/lib/ledger/queries/read-ledger-integrity";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

// The finance office's view of the ledger's integrity: what the hourly check found, and the
// daily anchors to export and keep outside the portal.
export default async function LedgerIntegrityPage() {
  await requirePermission("ledger.integrity");
  const [t, locale, integrity] = await Promise.all([
    getTranslations("ledgerIntegrity"),
    getLocale().then(resolveLocale),
    readLedgerIntegrity(db()),
  ]);

  const subject = (issue: TLedgerIssueRow) =>
    issue.kind === "CHAIN" && issue.item ? (
      <Link href={`/requests/${issue.item.id}`} className="text-brand-700 underline-offset-4 hover:underline">
        {t("chainSubject", { serial: issue.item.serial, title: issue.item.title, seq: issue.brokenAtSeq ?? 1 })}
      </Link>
    ) : (
      t("anchorSubject", { day: issue.anchorDay ?? "" })
    );

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-sm text-slate-700" data-testid="ledger-last-checked">
        {integrity.lastCheckedAt ? t("lastChecked", { at: formatDateTime(integrity.lastCheckedAt, locale) }) : t("neverChecked")}
      </p>

      <Panel title={t("issuesTitle")} testId="ledger-issues">
        {integrity.issues.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-slate-700 shadow-sm ring-1 ring-slate-200">{t("issuesEmpty")}</p>
        ) : (
          <DataTable<TLedgerIssueRow>
            caption={
              integrity.issuesTotal > integrity.issues.length
                ? t("issuesCaptionLatest", { shown: integrity.issues.length, total: integrity.issuesTotal })
                : t("issuesCaption")
            }
            rows={integrity.issues}
            rowKey={(i) => i.id}
            columns={[
              { key: "subject", header: t("subject"), rowHeader: true, cell: subject, className: "break-words" },
              { key: "kind", header: t("kind"), cell: (i) => <Badge tone="danger">{t(`kinds.${i.kind}`)}</Badge> },
              {
                key: "detectedAt",
                header: t("detectedAt"),
                cell: (i) => formatDateTime(i.detectedAt, locale),
                className: "whitespace-nowrap",
              },
            ]}
          />
        )}
      </Panel>

      <Panel title={t("anchorsTitle")} hint={t("anchorsIntro")} testId="ledger-anchors">
        {integrity.anchors.length === 0 ? (
          <EmptyState title={t("anchorsTitle")} body={t("anchorsEmpty")} />
        ) : (
          <>
            <DownloadLink href="/ledger/export" className="inline-block font-medium text-brand-700 underline underline-offset-4">
              {t("export")}
            </DownloadLink>
            <DataTable<TLedgerAnchorRow>
              caption={t("anchorsCaption", { count: integrity.anchors.length })}
              captionVisible
              rows={integrity.anchors}
              rowKey={(a) => a.day}
              columns={[
                { key: "day", header: t("day"), rowHeader: true, cell: (a) => a.day, className: "whitespace-nowrap" },
                { key: "requests", header: t("requests"), numeric: true, cell: (a) => a.requests.toLocaleString(locale) },
                { key: "entries", header: t("entries"), numeric: true, cell: (a) => a.entries.toLocaleString(locale) },
                { key: "digest", header: t("digest"), cell: (a) => <code className="break-all text-xs">{a.digest}</code> },
                {
                  key: "chain",
                  header: t("chain"),
                  cell: (a) => <Badge tone={a.linked ? "ok" : "danger"}>{a.linked ? t("chainOk") : t("chainBroken")}</Badge>,
                },
              ]}
            />
          </>
        )}
      </Panel>
    </main>
  );
}
