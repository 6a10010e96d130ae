import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { readEventsExport } from "@/lib/events/queries/read-events-export";
import type { TEventRow } from "@/lib/events/queries/list-events";
import { eventPhase } from "@/lib/events/rules";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /events/export — policy "events.export": the event calendar as an .xlsx file, scoped
// like the page, with each event's figures. Audited with the number of rows.
export const GET = defineRoute({
  name: "events.export",
  policy: "events.export",
  refusals: "text",
  messages: "events",
  async handler({ user, locale, translator }) {
    const t = await translator();
    const { rows, capped } = await readEventsExport(db(), user);
    const now = new Date();
    const money = (fen: bigint) => formatWanYuan(fen, locale);
    const columns: TColumn<TEventRow>[] = [
      { header: t("events.columns.title"), width: 30, value: (r) => r.title },
      { header: t("events.columns.type"), width: 12, value: (r) => t(`events.types.${r.type}`) },
      { header: t("events.columns.startsAt"), width: 18, value: (r) => formatDateTime(r.startsAt, locale) },
      { header: t("events.columns.park"), width: 24, value: (r) => r.parkName ?? t("events.cityWide") },
      { header: t("events.columns.organiser"), width: 24, value: (r) => r.organiserName },
      {
        header: t("events.columns.place"),
        width: 24,
        value: (r) => [r.place, r.online ? t("events.online") : null].filter(Boolean).join(" · "),
      },
      { header: t("events.columns.status"), width: 10, value: (r) => t(`events.phases.${eventPhase(r, now)}`) },
      { header: t("events.export.capacity"), width: 8, value: (r) => r.capacity },
      { header: t("events.export.registered"), width: 8, value: (r) => r.figures.registered },
      { header: t("events.columns.attended"), width: 8, value: (r) => r.figures.attended },
      { header: t("events.columns.intentions"), width: 8, value: (r) => r.figures.intentions },
      { header: t("events.export.intendedWan"), width: 14, value: (r) => money(r.figures.intendedFen) },
      { header: t("events.export.signedWan"), width: 14, value: (r) => money(r.figures.signedFen) },
      { header: t("events.columns.raised"), width: 8, value: (r) => r.figures.raised },
    ];
    const file = await buildWorkbook(t("events.export.sheet"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("events.export.sheet")}-${stamp}.xlsx`),
      audit: { action: "events.exported", details: { rows: rows.length, capped } },
    };
  },
});
