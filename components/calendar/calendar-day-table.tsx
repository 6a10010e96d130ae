import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";

export type TCalendarDayTableRow = {
  date: string;
  weekday: string;
  kind: "HOLIDAY" | "WORKDAY";
  kindLabel: string;
  name: string;
  updatedBy: string;
  actions?: ReactNode;
};

// One year's holidays and adjusted working days, by date.
export function CalendarDayTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: { date: string; weekday: string; kind: string; name: string; updatedBy: string; actions: string };
  rows: readonly TCalendarDayTableRow[];
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.date}
      rowTestId={(r) => `calendar-day-${r.date}`}
      columns={[
        { key: "date", header: columns.date, rowHeader: true, className: "font-mono text-slate-900", cell: (r) => r.date },
        { key: "weekday", header: columns.weekday, cell: (r) => r.weekday },
        { key: "kind", header: columns.kind, cell: (r) => <Badge tone={r.kind === "HOLIDAY" ? "danger" : "info"}>{r.kindLabel}</Badge> },
        { key: "name", header: columns.name, cell: (r) => r.name },
        { key: "updatedBy", header: columns.updatedBy, className: "text-slate-600", onCard: false, cell: (r) => r.updatedBy },
        { key: "actions", header: columns.actions, headerHidden: true, cell: (r) => r.actions },
      ]}
    />
  );
}
