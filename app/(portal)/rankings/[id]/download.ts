import { z } from "zod";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { AppError } from "@/lib/errors";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import type { TLocale } from "@/lib/i18n/locales";
import { getRanking, type TRankingDetail } from "@/lib/ranking/queries/get-ranking";
import type { TIndicatorsT, TRankingT } from "@/lib/ranking/format";
import { db } from "@/lib/server/db";
import type { TRouteOutcome, TRouteTranslator, ZIdRouteParams } from "@/lib/server/route";

export type TDownloadKind = "bulletin" | "export";

export type TBuiltFile = { body: Buffer; contentType: string; fileName: string };

type TDownloadContext = {
  params: z.infer<typeof ZIdRouteParams>;
  user: TSessionUser;
  locale: TLocale;
  translator: (namespace?: string) => Promise<TRouteTranslator>;
};

// GET /rankings/<id>/{bulletin,export} (behind defineRoute, policy "rankings.read"): a
// PUBLISHED ranking as a file, built from its stored snapshot and entries. A draft, another
// program's hidden ranking or an unknown id → 404 alike. Every download is audited.
export async function rankingDownload(
  ctx: TDownloadContext,
  kind: TDownloadKind,
  build: (file: { ranking: TRankingDetail; t: TRankingT; ti: TIndicatorsT; locale: TLocale }) => Promise<TBuiltFile>,
): Promise<TRouteOutcome> {
  const ranking = await getRanking(db(), ctx.user, ctx.params.id);
  if (!ranking || ranking.status !== RankingStatus.PUBLISHED) throw new AppError("notFound");
  const [t, ti] = await Promise.all([ctx.translator("ranking"), ctx.translator("indicators")]);
  const file = await build({ ranking, t, ti, locale: ctx.locale });
  const response = new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="ranking-${ranking.year}-${ranking.period === "YEAR" ? "annual" : `q${ranking.quarter}`}.${file.fileName.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
  const action = kind === "bulletin" ? "rankings.bulletinDownloaded" : "rankings.exported";
  return { response, audit: { action, targetType: "Ranking", targetId: ranking.id } };
}
