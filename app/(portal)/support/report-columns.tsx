import type { SupportReportStatus } from "@/lib/generated/prisma/enums";
import type { TColumn } from "@/components/ui/data-table";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { ReportStatusBadge } from "./status-badge";

type TReportFigures = { status: SupportReportStatus; late: boolean; revision: number; creditGrantedFen: string; dueOn: Date };

/**
 * The columns a monthly report shows wherever it is listed (the reports list, a pairing's
 * months) after the cell that names it: its status, revision, credit granted and due day.
 */
export function reportColumns<Row extends TReportFigures>(t: (key: string) => string, locale: TLocale): TColumn<Row>[] {
  return [
    {
      key: "status",
      header: t("columns.status"),
      cell: (r) => <ReportStatusBadge status={r.status} late={r.late} />,
      onCard: true,
    },
    { key: "revision", header: t("columns.revision"), numeric: true, cell: (r) => r.revision },
    {
      key: "credit",
      header: t("columns.credit"),
      numeric: true,
      cell: (r) => formatWanYuan(r.creditGrantedFen, locale),
      onCard: true,
    },
    { key: "due", header: t("columns.dueOn"), cell: (r) => formatDate(r.dueOn, locale) },
  ];
}
