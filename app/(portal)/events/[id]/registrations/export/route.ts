import { AppError } from "@/lib/errors";
import { getEventDetail } from "@/lib/events/queries/get-event-detail";
import { readEventRegistrationsExport } from "@/lib/events/queries/read-event-registrations-export";
import type { TRegistrationRow } from "@/lib/events/queries/list-event-registrations";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDateTime } from "@/lib/i18n/format";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /events/<id>/registrations/export — policy "events.export": one event's
// registrations (the sign-in sheet) as .xlsx, for those who see them on the page (the
// organiser with mobiles in full, the others masked); anyone else → 404. Audited.
export const GET = defineRoute({
  name: "events.registrationsExported",
  policy: "events.export",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "events",
  async handler({ params, user, locale, translator }) {
    const event = await getEventDetail(db(), user, params.id);
    if (!event || !event.may.seeRegistrations) throw new AppError("notFound");
    const t = await translator();
    const rows = await readEventRegistrationsExport(db(), event.id, event.may.manage);
    const columns: TColumn<TRegistrationRow>[] = [
      { header: t("events.columns.enterprise"), width: 30, value: (r) => r.enterpriseName },
      { header: t("events.export.uscc"), width: 20, value: (r) => r.uscc },
      { header: t("events.register.contactName"), width: 10, value: (r) => r.contactName },
      { header: t("events.register.contactPhone"), width: 14, value: (r) => r.contactPhone },
      { header: t("events.registrations.at"), width: 18, value: (r) => formatDateTime(r.createdAt, locale) },
      {
        header: t("events.columns.status"),
        width: 10,
        value: (r) =>
          r.status === "CANCELLED"
            ? t("events.registrations.cancelled")
            : r.attended
              ? t("events.registrations.attended")
              : t("events.registrations.registered"),
      },
    ];
    const file = await buildWorkbook(t("events.export.registrationsSheet"), columns, rows);
    return {
      response: xlsxResponse(file, `${t("events.export.registrationsSheet")}-${shanghaiDateString(event.startsAt).replace(/-/g, "")}.xlsx`),
      audit: { action: "events.registrationsExported", targetType: "MatchEvent", targetId: event.id, details: { rows: rows.length } },
    };
  },
});
