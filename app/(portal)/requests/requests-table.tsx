import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { requestSerialAndTitleColumns } from "@/components/requests/request-columns";
import { DataTable } from "@/components/ui/data-table";
import type { TArea } from "@/lib/auth/areas";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/requests/deadline-state";
import { awaitsAnswer } from "@/lib/requests/workflow/transitions";
import type { TRequestListRow } from "@/lib/requests/queries/list-requests";

type TProps = { rows: TRequestListRow[]; area: TArea; locale: TLocale; calendar: WorkingCalendar; caption: string };

// The enterprise needs no "enterprise" column (all are its own); the park no "park" one.
export async function RequestsTable({ rows, area, locale, calendar, caption }: TProps) {
  const [t, tRequests] = await Promise.all([getTranslations("requestForm.list"), getTranslations("requests")]);
  const showEnterprise = area !== "enterprise";
  const showPark = area !== "enterprise" && area !== "park";
  const now = new Date();
  const none = tRequests("none");
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      rowTestId={(r) => `request-row-${r.serial}`}
      columns={[
        ...requestSerialAndTitleColumns({ serial: t("columns.serial"), title: t("columns.title") }),
        {
          key: "type",
          header: t("columns.type"),
          className: "whitespace-nowrap",
          onCard: false,
          cell: (r) => tRequests(`types.${r.type}`),
        },
        { key: "status", header: t("columns.status"), className: "whitespace-nowrap", cell: (r) => tRequests(`statuses.${r.status}`) },
        showEnterprise && { key: "enterprise", header: t("columns.enterprise"), cell: (r) => r.enterpriseName },
        showPark && { key: "park", header: t("columns.park"), onCard: false, cell: (r) => r.parkName },
        { key: "bank", header: t("columns.bank"), onCard: false, cell: (r) => r.assignedBankName ?? none },
        {
          key: "amount",
          header: t("columns.amount"),
          numeric: true,
          className: "whitespace-nowrap",
          cell: (r) => (r.amountFen ? tRequests("amountValue", { amount: formatWanYuan(r.amountFen, locale) }) : none),
        },
        {
          key: "submittedAt",
          header: t("columns.submittedAt"),
          className: "whitespace-nowrap",
          onCard: false,
          cell: (r) => (r.submittedAt ? formatDate(r.submittedAt, locale) : none),
        },
        {
          key: "deadline",
          header: t("columns.deadline"),
          cell: (r) => (r.dueAt && awaitsAnswer(r) ? <DeadlineBadge {...deadlineState(r.dueAt, now, calendar)} dueAt={r.dueAt} /> : none),
        },
      ]}
    />
  );
}
