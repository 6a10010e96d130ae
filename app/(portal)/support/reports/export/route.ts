import { actorOf, loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { exportSupportReports, parseSupportReportFilters } from "@/lib/support/queries/list-support-reports";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The monthly 1+1 reports of the list (same scope and status filter) as an .xlsx file; amounts
// in 万元 with two decimals. Audited with the filter and the number of rows.
export const GET = defineRoute({
  name: "support.exportReports",
  policy: "support.read",
  refusals: "text",
  messages: "support",
  async handler({ request, user, translator }) {
    const t = await translator("support");
    const filters = parseSupportReportFilters(new URL(request.url).searchParams);
    const { rows, capped } = await exportSupportReports(db(), actorOf(user), await loadScopeContext(db(), user), filters);
    type TRow = (typeof rows)[number];
    const wan = (fen: string) => Number((Number(BigInt(fen) / 100n) / 10_000).toFixed(2));
    const columns: TColumn<TRow>[] = [
      { header: t("columns.month"), width: 10, value: (r) => r.month },
      { header: t("columns.enterprise"), width: 32, value: (r) => r.enterpriseName },
      { header: t("columns.bank"), width: 24, value: (r) => r.bankName },
      { header: t("columns.manager"), width: 12, value: (r) => r.accountManagerName },
      { header: t("columns.class"), width: 8, value: (r) => r.supportClass },
      { header: t("columns.status"), width: 12, value: (r) => t(`statuses.${r.status}`) },
      { header: t("late"), width: 8, value: (r) => (r.late ? t("late") : "") },
      { header: t("columns.revision"), width: 8, value: (r) => r.revision },
      { header: t("columns.creditWan"), width: 14, value: (r) => wan(r.creditGrantedFen) },
      { header: t("columns.dueOn"), width: 12, value: (r) => r.dueOn.toISOString().slice(0, 10) },
    ];
    const file = await buildWorkbook(t("reports.title"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("reports.fileName")}-${stamp}.xlsx`),
      audit: { action: "support.reportsExported", details: { status: filters.status, rows: rows.length, capped } },
    };
  },
});
