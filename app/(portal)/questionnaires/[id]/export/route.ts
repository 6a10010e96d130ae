import { formatDateTime } from "@/lib/i18n/format";
import { readQuestionnaireExport, type TResponseExportRow } from "@/lib/questionnaires/queries/read-questionnaire-export";
import { AppError } from "@/lib/errors";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /questionnaires/[id]/export — policy "questionnaires.export": the responses as an
// .xlsx file, one row per enterprise and one column per question. Audited with the number
// of rows.
export const GET = defineRoute({
  name: "questionnaires.export",
  policy: "questionnaires.export",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "questionnaires",
  async handler({ user, locale, translator, params }) {
    const t = await translator();
    const data = await readQuestionnaireExport(db(), user, params.id);
    if (!data) throw new AppError("notFound");
    const answerText = (value: unknown): string | number | null => {
      if (value === undefined || value === null) return null;
      if (Array.isArray(value)) return value.join("、");
      return typeof value === "number" ? value : String(value);
    };
    const columns: TColumn<TResponseExportRow>[] = [
      { header: t("questionnaires.columns.submittedAt"), width: 18, value: (r) => formatDateTime(r.submittedAt, locale) },
      { header: t("questionnaires.columns.uscc"), width: 22, value: (r) => r.uscc },
      { header: t("questionnaires.columns.enterprise"), width: 30, value: (r) => r.enterpriseName },
      { header: t("questionnaires.columns.park"), width: 24, value: (r) => r.parkName },
      { header: t("questionnaires.columns.bank"), width: 24, value: (r) => r.bankName },
      ...data.questions.map((q): TColumn<TResponseExportRow> => ({
        header: `${q.id.slice(1)}. ${q.text}`,
        width: q.kind === "text" ? 40 : 16,
        value: (r) => answerText(r.answers[q.id]),
      })),
    ];
    const file = await buildWorkbook(t("questionnaires.exportSheet"), columns, data.rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("questionnaires.exportSheet")}-${stamp}.xlsx`),
      audit: {
        action: "questionnaires.exported",
        targetType: "Questionnaire",
        targetId: params.id,
        details: { rows: data.rows.length, capped: data.capped },
      },
    };
  },
});
