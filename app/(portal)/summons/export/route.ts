import { formatDate } from "@/lib/i18n/format";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";
import { exportSummons } from "@/lib/summons/queries/export-summons";
import type { TSummonsRow } from "@/lib/summons/queries/list-summons";

export const dynamic = "force-dynamic";

// The summons list as .xlsx, with the page's scope (a bank: its own) and order; audited.
export const GET = defineRoute({
  name: "summons.export",
  policy: "summons.read",
  refusals: "text",
  messages: "summons",
  async handler({ user, locale, translator }) {
    const t = await translator();
    const { rows, capped } = await exportSummons(db(), user);
    const period = (r: TSummonsRow) =>
      r.quarter ? t("summons.period", { year: r.year, quarter: r.quarter }) : t("summons.periodHalf", { year: r.year });
    const columns: TColumn<TSummonsRow>[] = [
      { header: t("summons.columns.bank"), width: 30, value: (r) => r.bankName },
      { header: t("summons.columns.period"), width: 16, value: period },
      { header: t("summons.columns.heldOn"), width: 14, value: (r) => formatDate(r.heldOn, locale) },
      { header: t("summons.columns.dueOn"), width: 14, value: (r) => formatDate(r.dueOn, locale) },
      { header: t("summons.columns.status"), width: 16, value: (r) => t(`summons.status.${r.status}`) },
      { header: t("summons.overdue"), width: 10, value: (r) => (r.overdue ? t("summons.export.yes") : "") },
      { header: t("summons.columns.cosigned"), width: 12, value: (r) => t(`summons.cosigned.${r.cosigned ? "yes" : "no"}`) },
    ];
    const file = await buildWorkbook(t("summons.list.title"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("summons.export.fileName")}-${stamp}.xlsx`),
      audit: { action: "summons.exported", details: { rows: rows.length, capped } },
    };
  },
});
