import { useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import type { TMembersReport } from "@/lib/key-lists/mutations/add-key-list-members";

type TRow = TMembersReport["refused"][number];

/** Every USCC that was not added, with its line in the pasted column and why. */
export function MembersReport({ report }: { report: TMembersReport }) {
  const t = useTranslations("keyLists");
  if (report.refused.length === 0) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-amber-800" data-testid="key-list-refused-count">
        {t("report.refused", { count: report.refused.length })}
      </p>
      <DataTable<TRow>
        caption={t("report.caption")}
        testId="key-list-refused"
        rows={report.refused}
        rowKey={(r) => `${r.line}`}
        columns={[
          { key: "line", header: t("report.line"), numeric: true, cell: (r) => r.line },
          { key: "uscc", header: t("report.uscc"), rowHeader: true, cell: (r) => r.uscc },
          { key: "reason", header: t("report.reason"), onCard: true, cell: (r) => t(`report.reasons.${r.reason}`) },
        ]}
      />
    </div>
  );
}
