import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { getKeyList } from "@/lib/key-lists/queries/get-key-list";
import { readKeyListExport } from "@/lib/key-lists/queries/read-key-list-export";
import type { TKeyMemberRow } from "@/lib/key-lists/queries/list-key-list-members";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /key-lists/[id]/export — policy "keyLists.export": the list's members with their
// contact state as .xlsx, scoped like the page (a bank: the members assigned to it; a
// list it may not see → 404). Audited with the number of rows.
export const GET = defineRoute({
  name: "keyLists.export",
  policy: "keyLists.export",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "keyLists",
  async handler({ params, user, locale, translator }) {
    const list = await getKeyList(db(), user, params.id);
    if (!list) throw new AppError("notFound");
    const t = await translator();
    const { rows, capped } = await readKeyListExport(db(), user, list.id);
    const columns: TColumn<TKeyMemberRow>[] = [
      { header: t("keyLists.columns.uscc"), width: 22, value: (r) => r.uscc },
      { header: t("keyLists.columns.enterprise"), width: 32, value: (r) => r.enterpriseName },
      { header: t("keyLists.columns.park"), width: 24, value: (r) => r.parkName },
      { header: t("keyLists.columns.bank"), width: 28, value: (r) => r.bankName ?? t("keyLists.unassigned") },
      {
        header: t("keyLists.columns.outcome"),
        width: 10,
        value: (r) => (r.lastOutcome ? t(`keyLists.outcomes.${r.lastOutcome}`) : t("keyLists.notContacted")),
      },
      {
        header: t("keyLists.columns.lastContact"),
        width: 12,
        value: (r) => (r.lastContactedOn ? formatDate(r.lastContactedOn, locale) : null),
      },
      { header: t("keyLists.columns.contacts"), width: 8, value: (r) => r.contactCount },
    ];
    const file = await buildWorkbook(t("keyLists.exportSheet"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${list.name}-${stamp}.xlsx`),
      audit: { action: "keyLists.exported", targetType: "KeyList", targetId: list.id, details: { rows: rows.length, capped } },
    };
  },
});
