import { bulletinFromRanking } from "@/lib/ranking/pdf/bulletin-from-ranking";
import { renderBulletinPdf } from "@/lib/ranking/pdf/render-bulletin-pdf";
import { bulletinFont } from "@/lib/server/env";
import { defineRoute, ZIdRouteParams } from "@/lib/server/route";
import { rankingDownload } from "../download";

export const dynamic = "force-dynamic";

// The published ranking's PDF bulletin (通报), Chinese font embedded. Drafts → 404.
export const GET = defineRoute({
  name: "rankings.bulletin",
  policy: "rankings.read",
  params: ZIdRouteParams,
  refusals: "text",
  messages: "ranking",
  handler: (ctx) =>
    rankingDownload(ctx, "bulletin", async ({ ranking, t, ti, locale }) => {
      const data = bulletinFromRanking(ranking)!;
      const font = bulletinFont();
      const body = await renderBulletinPdf(data, { fontPath: font.path, fontName: font.name, t, ti, locale });
      const name =
        data.period === "YEAR"
          ? t("annual.fileName", { year: data.year })
          : t("bulletin.fileName", { year: data.year, quarter: t(`quarterWords.${data.quarter}`) });
      const fileName = `${name}.pdf`;
      return { body, contentType: "application/pdf", fileName };
    }),
});
