import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { requestSerialAndTitleColumns } from "@/components/requests/request-columns";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { listParkQueue } from "@/lib/requests/queries/list-park-queue";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The park window's review queue: its submitted items, oldest first, with how many
// working days each has waited and its review deadline (yellow on the due day, red once
// overdue, as in the bank inbox). Forwarding and returning happen on the item's page.
export default async function ParkQueuePage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("requests.forward");
  const cursor = parsePageCursor(await searchParams);
  const now = new Date();
  const calendar = await loadWorkingCalendar(db());
  const [t, tRequests, locale, queue] = await Promise.all([
    getTranslations("requestForm.queue"),
    getTranslations("requests"),
    getLocale().then(resolveLocale),
    listParkQueue(db(), user, cursor, { now, calendar }),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      {queue.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <DataTable
          caption={t("title")}
          rows={queue.rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `queue-row-${r.serial}`}
          columns={[
            ...requestSerialAndTitleColumns({ serial: t("columns.serial"), title: t("columns.title") }),
            { key: "enterprise", header: t("columns.enterprise"), cell: (r) => r.enterpriseName },
            {
              key: "type",
              header: t("columns.type"),
              className: "whitespace-nowrap",
              onCard: false,
              cell: (r) => tRequests(`types.${r.type}`),
            },
            {
              key: "amount",
              header: t("columns.amount"),
              numeric: true,
              className: "whitespace-nowrap",
              cell: (r) => (r.amountFen ? tRequests("amountValue", { amount: formatWanYuan(r.amountFen, locale) }) : tRequests("none")),
            },
            {
              key: "submittedAt",
              header: t("columns.submittedAt"),
              className: "whitespace-nowrap",
              onCard: false,
              cell: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, locale) : tRequests("none")),
            },
            {
              key: "waiting",
              header: t("columns.waiting"),
              className: "whitespace-nowrap",
              cell: (r) => {
                const waited = r.submittedAt ? Math.max(0, workingDaysBetween(r.submittedAt, now, calendar)) : 0;
                return <span>{waited === 0 ? t("today") : t("waitingDays", { days: waited })}</span>;
              },
            },
            {
              key: "reviewDeadline",
              header: t("columns.reviewDeadline"),
              className: "whitespace-nowrap",
              cell: (r) =>
                r.deadline && r.parkDueAt ? (
                  <DeadlineBadge
                    tone={r.deadline.tone}
                    workingDaysLeft={r.deadline.workingDaysLeft}
                    dueAt={r.parkDueAt}
                    provisional={r.parkDueProvisional}
                  />
                ) : (
                  tRequests("none")
                ),
            },
          ]}
        />
      )}
      {queue.rows.length > 0 && (
        <KeysetPager
          previous={queue.previous}
          next={queue.next}
          hrefFor={(c) => `/park/queue?${new URLSearchParams([[cursorParam(c.direction), c.token]])}`}
          labels={{ nav: t("pagination"), summary: t("total", cappedCountParams(queue.total)), previous: t("previous"), next: t("next") }}
        />
      )}
    </main>
  );
}
