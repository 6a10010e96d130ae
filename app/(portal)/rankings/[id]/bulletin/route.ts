import { bulletinFromRanking } from "@/lib/ranking/queries/bulletin-data";
import { renderBulletinPdf } from "@/lib/ranking/queries/bulletin-pdf";
import { bulletinFont } from "@/lib/server/env";
import { rankingDownload } from "../download";

export const dynamic = "force-dynamic";

// Policy "rankings.read" (lib/server/route-policies.ts): the published ranking's PDF
// bulletin (通报), Chinese font embedded. Drafts → 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return rankingDownload(request, id, "bulletin", async ({ ranking, t, ti, locale }) => {
    const data = bulletinFromRanking(ranking)!;
    const font = bulletinFont();
    const body = await renderBulletinPdf(data, { fontPath: font.path, fontName: font.name, t, ti, locale });
    const fileName = `${t("bulletin.fileName", { year: data.year, quarter: t(`quarterWords.${data.quarter}`) })}.pdf`;
    return { body, contentType: "application/pdf", fileName };
  });
}
