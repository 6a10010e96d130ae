import { buildRankingWorkbook } from "@/lib/ranking/build-ranking-workbook";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";
import { rankingDownload } from "../download";

export const dynamic = "force-dynamic";

// The published ranking as .xlsx (ranking, indicator values and points, rules, and the
// cost items the viewer may see).
export const GET = defineRoute({
  name: "rankings.export",
  policy: "rankings.read",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "ranking",
  handler: (ctx) =>
    rankingDownload(ctx, "export", async ({ ranking, t, ti }) => ({
      body: await buildRankingWorkbook(ranking, t, ti),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `${
        ranking.period === "YEAR"
          ? t("annual.exportFileName", { year: ranking.year })
          : t("export.fileName", { year: ranking.year, quarter: t(`quarterWords.${ranking.quarter}`) })
      }.xlsx`,
    })),
});
