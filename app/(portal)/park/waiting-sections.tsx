import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { cappedCountParams } from "@/lib/pagination/keyset";

const link = "text-brand-700 underline underline-offset-4 hover:text-brand-900";

/** An item's title, linking to it, over its serial: the first column of both lists here. */
function itemColumn<Row extends { id: string; title: string; serial: string }>(header: string): TColumn<Row> {
  return {
    key: "item",
    header,
    rowHeader: true,
    cell: (r) => (
      <>
        <Link href={`/requests/${r.id}`} className={link}>
          {r.title}
        </Link>
        <span className="block text-xs font-normal text-slate-600">{r.serial}</span>
      </>
    ),
  };
}
const card = "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";

/** The numbers that wait for the window, each opening the list behind it. */
export async function WaitingTiles({ data }: { data: TParkDashboard }) {
  const t = await getTranslations("dashboardPark.waiting");
  const tiles = [
    { key: "queue", count: String(data.queue.total), href: "/park/queue" },
    { key: "reviewOverdue", count: t("capped", cappedCountParams(data.queue.reviewOverdue)), href: "/park/queue" },
    { key: "registrations", count: String(data.pendingRegistrations), href: "/park/registrations" },
    { key: "overdue", count: String(data.overdue.total), href: "#overdue" },
  ] as const;
  return (
    <section aria-labelledby="waiting-title" className="space-y-3">
      <h2 id="waiting-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link href={tile.href} className={`block h-full ${card} hover:ring-brand-600`} data-testid={`waiting-${tile.key}`}>
              <span className="block text-sm text-slate-700">{t(tile.key)}</span>
              <span className="mt-1 block text-3xl font-semibold tabular-nums text-brand-700 underline underline-offset-4">
                {tile.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The oldest items of the review queue, with the working days they have waited. */
export async function QueueSection({ data, locale }: { data: TParkDashboard; locale: TLocale }) {
  const t = await getTranslations("dashboardPark.queue");
  return (
    <section aria-labelledby="queue-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="queue-title" className="text-lg font-medium">
          {t("title")}
        </h2>
        <Link href="/park/queue" className={`text-sm ${link}`}>
          {t("open", { count: data.queue.total })}
        </Link>
      </div>
      {data.queue.oldest.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("oldest", { count: data.queue.oldest.length })}
          rows={data.queue.oldest}
          rowKey={(r) => r.id}
          columns={[
            itemColumn(t("item")),
            { key: "enterprise", header: t("enterprise"), cell: (r) => r.enterpriseName },
            {
              key: "waited",
              header: t("waited"),
              className: "whitespace-nowrap",
              cell: (r) => (
                <>
                  {t("waitingDays", { days: r.workingDaysWaiting })}
                  {r.submittedAt && (
                    <span className="block text-xs text-slate-600">{t("submitted", { date: formatDate(r.submittedAt, locale) })}</span>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** Items of the park's enterprises a bank holds past its reply deadline, most overdue first. */
export async function OverdueSection({ data, locale }: { data: TParkDashboard; locale: TLocale }) {
  const [t, tRequests] = await Promise.all([getTranslations("dashboardPark.overdue"), getTranslations("requests")]);
  return (
    <section id="overdue" aria-labelledby="overdue-title" className="space-y-3">
      <h2 id="overdue-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      {data.overdue.total === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <>
          {data.overdue.total > data.overdue.oldest.length && (
            <p className="text-sm text-slate-700">{t("more", { count: data.overdue.total, shown: data.overdue.oldest.length })}</p>
          )}
          <DataTable
            caption={t("more", { count: data.overdue.total, shown: data.overdue.oldest.length })}
            rows={data.overdue.oldest}
            rowKey={(r) => r.id}
            columns={[
              itemColumn(t("item")),
              { key: "enterprise", header: t("enterprise"), cell: (r) => r.enterpriseName },
              { key: "bank", header: t("bank"), cell: (r) => r.bankName ?? tRequests("none") },
              { key: "status", header: t("status"), className: "whitespace-nowrap", cell: (r) => tRequests(`statuses.${r.status}`) },
              {
                key: "dueAt",
                header: t("dueAt"),
                className: "whitespace-nowrap",
                cell: (r) => (
                  <>
                    <time dateTime={r.dueAt.toISOString()}>{formatDate(r.dueAt, locale)}</time>
                    <span className="block text-xs font-medium text-red-800">{t("overdueDays", { days: r.workingDaysOverdue })}</span>
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
