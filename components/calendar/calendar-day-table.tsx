import type { ReactNode } from "react";

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
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{columns.date}</th>
            <th scope="col" className="px-3 py-2 font-medium">{columns.weekday}</th>
            <th scope="col" className="px-3 py-2 font-medium">{columns.kind}</th>
            <th scope="col" className="px-3 py-2 font-medium">{columns.name}</th>
            <th scope="col" className="px-3 py-2 font-medium">{columns.updatedBy}</th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">{columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.date} data-testid={`calendar-day-${r.date}`}>
              <th scope="row" className="px-3 py-2 font-mono font-medium text-slate-900">{r.date}</th>
              <td className="px-3 py-2">{r.weekday}</td>
              <td className="px-3 py-2">
                <span className={r.kind === "HOLIDAY" ? "rounded bg-red-50 px-2 py-0.5 text-red-800" : "rounded bg-blue-50 px-2 py-0.5 text-blue-800"}>
                  {r.kindLabel}
                </span>
              </td>
              <td className="px-3 py-2">{r.name}</td>
              <td className="px-3 py-2 text-slate-600">{r.updatedBy}</td>
              <td className="px-3 py-2">{r.actions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
