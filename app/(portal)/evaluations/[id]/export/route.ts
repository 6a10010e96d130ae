import { AppError } from "@/lib/errors";
import { buildEvaluationWorkbook, type TEvaluationT } from "@/lib/evaluation/build-evaluation-workbook";
import { getEvaluation } from "@/lib/evaluation/queries/get-evaluation";
import { db } from "@/lib/server/db";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// The evaluation table as .xlsx, with the rows the viewer may see (a bank: its own line's
// finalised result; another id or an open evaluation → 404). Every download is audited.
export const GET = defineRoute({
  name: "evaluations.export",
  policy: "evaluations.read",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "evaluation",
  handler: async ({ params, user, translator }) => {
    const evaluation = await getEvaluation(db(), user, params.id);
    if (!evaluation) throw new AppError("notFound");
    const t = (await translator("evaluation")) as unknown as TEvaluationT;
    const body = await buildEvaluationWorkbook(evaluation, t);
    const fileName = `${t("export.fileName", { year: evaluation.year, half: t(`halves.${evaluation.half}`) })}.xlsx`;
    const response = new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="evaluation-${evaluation.year}-h${evaluation.half}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
    return { response, audit: { action: "evaluations.exported", targetType: "HalfYearEvaluation", targetId: evaluation.id } };
  },
});
