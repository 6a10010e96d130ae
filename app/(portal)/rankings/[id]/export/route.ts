import { buildRankingWorkbook } from "@/lib/ranking/queries/ranking-workbook";
import { rankingDownload } from "../download";

export const dynamic = "force-dynamic";

// Policy "rankings.read" (lib/server/route-policies.ts): the published ranking as .xlsx
// (ranking, indicator values and points, rules, and the cost items the viewer may see).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return rankingDownload(request, id, "export", async ({ ranking, t, ti }) => ({
    body: await buildRankingWorkbook(ranking, t, ti),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${t("export.fileName", { year: ranking.year, quarter: t(`quarterWords.${ranking.quarter}`) })}.xlsx`,
  }));
}
