import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listFailedJobs, type TFailedJobRow } from "@/lib/jobs/queries/list-failed-jobs";
import { asFormAction } from "@/lib/server/action";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { retryJobAction } from "./actions";

export const dynamic = "force-dynamic";

const KNOWN_KINDS = new Set(["email.send", "password-reset.send", "deadline.scan", "ledger.check"]);

// Background jobs that used all their attempts (an e-mail the mail server kept refusing,
// a deadline scan that kept failing): the finance office's administrator sees why and
// puts them back in the queue once the cause is fixed.
export default async function FailedJobsPage() {
  await requirePermission("jobs.manage");
  const [t, locale, failed] = await Promise.all([getTranslations("jobs"), getLocale().then(resolveLocale), listFailedJobs(db())]);
  const retry = asFormAction(retryJobAction);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      {failed.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("empty")} />
      ) : (
        <DataTable<TFailedJobRow>
          caption={
            failed.total > failed.rows.length ? t("captionLatest", { shown: failed.rows.length, total: failed.total }) : t("caption")
          }
          rows={failed.rows}
          rowKey={(j) => j.id}
          testId="failed-jobs"
          columns={[
            {
              key: "kind",
              header: t("kind"),
              rowHeader: true,
              cell: (j) => (KNOWN_KINDS.has(j.kind) ? t(`kinds.${j.kind.replace(".", "_")}`) : j.kind),
            },
            { key: "attempts", header: t("attempts"), numeric: true, cell: (j) => j.attempts },
            {
              key: "failedAt",
              header: t("failedAt"),
              cell: (j) => (j.failedAt ? formatDateTime(j.failedAt, locale) : "—"),
              className: "whitespace-nowrap",
            },
            {
              key: "error",
              header: t("error"),
              cell: (j) => <span className="font-mono text-xs break-words">{j.lastError ?? "—"}</span>,
            },
            {
              key: "status",
              header: t("status"),
              cell: () => <Badge tone="danger">{t("failed")}</Badge>,
            },
            {
              key: "retry",
              header: t("retry"),
              cell: (j) => (
                <form action={retry}>
                  <input type="hidden" name="jobId" value={j.id} />
                  <Button type="submit" aria-label={t("retryOne", { id: j.id })}>
                    {t("retry")}
                  </Button>
                </form>
              ),
            },
          ]}
        />
      )}
    </main>
  );
}
