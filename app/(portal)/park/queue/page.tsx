import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Table } from "@/components/ui/table";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { listParkQueue } from "@/lib/requests/queries/list-park-queue";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The park window's review queue: its submitted items, oldest first, with how many
// working days each has waited. Forwarding and returning happen on the item's page.
export default async function ParkQueuePage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("requests.forward");
  const cursor = parsePageCursor(await searchParams);
  const [t, tRequests, locale, queue, calendar] = await Promise.all([
    getTranslations("requestForm.queue"),
    getTranslations("requests"),
    getLocale().then(resolveLocale),
    listParkQueue(db(), user, cursor),
    loadWorkingCalendar(db()),
  ]);
  const now = new Date();
  return (
    <PortalFrame user={user} area="park">
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {queue.rows.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <Table caption={t("title")} head={[t("columns.serial"), t("columns.title"), t("columns.enterprise"), t("columns.type"), t("columns.amount"), t("columns.submittedAt"), t("columns.waiting")]}>
            {queue.rows.map((r) => {
              const waited = r.submittedAt ? Math.max(0, workingDaysBetween(r.submittedAt, now, calendar)) : 0;
              return (
                <tr key={r.id} data-testid={`queue-row-${r.serial}`}>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">{r.serial}</td>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/requests/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
                  </th>
                  <td className="px-3 py-2">{r.enterpriseName}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{tRequests(`types.${r.type}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                    {r.amountFen ? tRequests("amountValue", { amount: formatWanYuan(r.amountFen, locale) }) : tRequests("none")}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatDateTime(r.submittedAt, locale) : tRequests("none")}</td>
                  <td className={`px-3 py-2 whitespace-nowrap ${waited >= 2 ? "font-medium text-amber-800" : ""}`}>
                    {waited === 0 ? t("today") : t("waitingDays", { days: waited })}
                  </td>
                </tr>
              );
            })}
          </Table>
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
    </PortalFrame>
  );
}
