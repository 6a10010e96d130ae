import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { Table } from "@/components/ui/table";
import type { TArea } from "@/lib/auth/areas";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/requests/deadline-state";
import { isRunning } from "@/lib/requests/panel-steps";
import type { TRequestListRow } from "@/lib/requests/queries/list-requests";

type TProps = { rows: TRequestListRow[]; area: TArea; locale: TLocale; calendar: WorkingCalendar; caption: string };

// The enterprise needs no "enterprise" column (all are its own); the park no "park" one.
export async function RequestsTable({ rows, area, locale, calendar, caption }: TProps) {
  const [t, tRequests] = await Promise.all([getTranslations("requestForm.list"), getTranslations("requests")]);
  const showEnterprise = area !== "enterprise";
  const showPark = area !== "enterprise" && area !== "park";
  const now = new Date();
  const head = [
    t("columns.serial"), t("columns.title"), t("columns.type"), t("columns.status"),
    ...(showEnterprise ? [t("columns.enterprise")] : []),
    ...(showPark ? [t("columns.park")] : []),
    t("columns.bank"), t("columns.amount"), t("columns.submittedAt"), t("columns.deadline"),
  ];
  return (
    <Table caption={caption} head={head}>
      {rows.map((r) => (
        <tr key={r.id} data-testid={`request-row-${r.serial}`}>
          <td className="px-3 py-2 font-mono whitespace-nowrap">{r.serial}</td>
          <th scope="row" className="px-3 py-2 font-medium">
            <Link href={`/requests/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
          </th>
          <td className="px-3 py-2 whitespace-nowrap">{tRequests(`types.${r.type}`)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{tRequests(`statuses.${r.status}`)}</td>
          {showEnterprise && <td className="px-3 py-2">{r.enterpriseName}</td>}
          {showPark && <td className="px-3 py-2">{r.parkName}</td>}
          <td className="px-3 py-2">{r.assignedBankName ?? tRequests("none")}</td>
          <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
            {r.amountFen ? tRequests("amountValue", { amount: formatWanYuan(r.amountFen, locale) }) : tRequests("none")}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatDate(r.submittedAt, locale) : tRequests("none")}</td>
          <td className="px-3 py-2">
            {r.dueAt && isRunning(r) ? (
              <DeadlineBadge {...deadlineState(r.dueAt, now, calendar)} dueAt={r.dueAt} />
            ) : (
              tRequests("none")
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
