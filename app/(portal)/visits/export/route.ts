import { formatDate } from "@/lib/i18n/format";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { readVisitsExport, type TVisitExportRow } from "@/lib/visits/queries/read-visits-export";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /visits/export — policy "visits.export": the visits list as an .xlsx file, scoped
// like the page (a park its own, a bank those it led, the finance office every one).
// Audited with the number of rows.
export const GET = defineRoute({
  name: "visits.export",
  policy: "visits.export",
  refusals: "text",
  messages: "visits",
  async handler({ user, locale, translator }) {
    const t = await translator();
    const { rows, capped } = await readVisitsExport(db(), user);
    const columns: TColumn<TVisitExportRow>[] = [
      { header: t("visits.columns.visitedOn"), width: 12, value: (r) => formatDate(r.visitedOn, locale) },
      { header: t("visits.columns.park"), width: 28, value: (r) => r.parkName },
      { header: t("visits.columns.bank"), width: 28, value: (r) => r.bankName },
      { header: t("visits.columns.leader"), width: 10, value: (r) => r.leaderName },
      { header: t("visits.export.expectedLeader"), width: 12, value: (r) => r.expectedLeaderName },
      { header: t("visits.export.flag"), width: 8, value: (r) => (r.leaderMismatch ? t("visits.flagged") : "") },
      { header: t("visits.columns.status"), width: 8, value: (r) => t(`visits.statuses.${r.status}`) },
      { header: t("visits.participants"), width: 40, value: (r) => r.participants },
      { header: t("visits.export.enterprises"), width: 8, value: (r) => r.enterprises },
      { header: t("visits.findings"), width: 60, value: (r) => r.findings },
      { header: t("visits.export.items"), width: 24, value: (r) => r.items },
      { header: t("visits.confirmedAt"), width: 12, value: (r) => (r.confirmedAt ? formatDate(r.confirmedAt, locale) : null) },
    ];
    const file = await buildWorkbook(t("visits.export.sheet"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("visits.export.sheet")}-${stamp}.xlsx`),
      audit: { action: "visits.exported", details: { rows: rows.length, capped } },
    };
  },
});
