import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { exportAssistancePlans } from "@/lib/plans/queries/export-assistance-plans";
import type { TPlanRow } from "@/lib/plans/queries/list-assistance-plans";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The plan list as .xlsx, with the page's scope (a bank: its line's; a park: its own) and
// order, the newest version's figures; audited.
export const GET = defineRoute({
  name: "plans.export",
  policy: "plans.read",
  refusals: "text",
  messages: "plans",
  async handler({ user, locale, translator }) {
    const t = await translator();
    const { rows, capped } = await exportAssistancePlans(db(), user);
    const version = (n: number | null) => (n === null ? t("plans.none") : t("plans.versionValue", { number: n }));
    const columns: TColumn<TPlanRow>[] = [
      { header: t("plans.columns.park"), width: 28, value: (r) => r.parkName },
      { header: t("plans.columns.bank"), width: 28, value: (r) => r.bankName },
      { header: t("plans.columns.year"), width: 8, value: (r) => r.year },
      { header: t("plans.columns.status"), width: 16, value: (r) => t(`plans.status.${r.status}`) },
      { header: t("plans.columns.version"), width: 12, value: (r) => version(r.latestNumber) },
      { header: t("plans.columns.approved"), width: 12, value: (r) => version(r.approvedNumber) },
      { header: t("plans.columns.amount"), width: 18, value: (r) => formatWanYuan(r.amountFen, locale) },
      { header: t("plans.columns.borrowers"), width: 10, value: (r) => r.borrowers },
      { header: t("plans.columns.firstLoans"), width: 10, value: (r) => r.firstLoans },
      { header: t("plans.columns.creditLoans"), width: 10, value: (r) => r.creditLoans },
      { header: t("plans.columns.updatedAt"), width: 14, value: (r) => formatDate(r.updatedAt, locale) },
    ];
    const file = await buildWorkbook(t("plans.title"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("plans.export.fileName")}-${stamp}.xlsx`),
      audit: { action: "plans.exported", details: { rows: rows.length, capped } },
    };
  },
});
