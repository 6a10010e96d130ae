import { createTranslator } from "next-intl";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { LOCALE_COOKIE, resolveLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages/load";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import { getRanking, type TRankingDetail } from "@/lib/ranking/queries/ranking-detail";
import type { TIndicatorsT, TRankingT } from "@/lib/ranking/queries/ranking-format";
import { allowsPolicy } from "@/lib/server/action";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { metaFromHeaders } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export type TDownloadKind = "bulletin" | "export";

// The route's id is untrusted: anything that is not a UUID is simply not found.
const ZRankingId = z.string().uuid();
export type TBuiltFile = { body: Buffer; contentType: string; fileName: string };

// GET /rankings/<id>/{bulletin,export}: a PUBLISHED ranking as a file, built from its
// stored snapshot and entries. Signed out → 401; a role without rankings.read → 404,
// recorded as a denied attempt; a draft, another program's hidden ranking or an
// unknown id → 404 alike. Every download is audited.
export async function rankingDownload(
  request: Request,
  id: string,
  kind: TDownloadKind,
  build: (ctx: { ranking: TRankingDetail; t: TRankingT; ti: TIndicatorsT; locale: TLocale }) => Promise<TBuiltFile>,
): Promise<Response> {
  const [user, { t, ti, locale }] = await Promise.all([getCurrentUser(), translators(request)]);
  if (!user) return text(401, t("errors.signedOut"));
  const meta = metaFromHeaders(request.headers);
  if (!allowsPolicy("rankings.read", user)) {
    await writeAudit(db(), {
      action: `denied.rankings.${kind}`, outcome: "DENIED", actorUserId: user.userId, actorOrgId: user.orgId, ...meta,
      details: { policy: "rankings.read", rankingId: id },
    });
    return text(404, t("errors.notFound"));
  }
  const rankingId = ZRankingId.safeParse(id);
  if (!rankingId.success) return text(404, t("errors.notFound"));
  const ranking = await getRanking(db(), user, rankingId.data);
  if (!ranking || ranking.status !== RankingStatus.PUBLISHED) return text(404, t("errors.notFound"));
  const file = await build({ ranking, t, ti, locale });
  await writeAudit(db(), {
    action: kind === "bulletin" ? "rankings.bulletinDownloaded" : "rankings.exported", actorUserId: user.userId, actorOrgId: user.orgId,
    targetType: "Ranking", targetId: ranking.id, ...meta,
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="ranking-${ranking.year}-q${ranking.quarter}.${file.fileName.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// The user's language from the request's own cookie header (so the handler also runs
// outside Next's request scope, e.g. in the authorization-matrix test).
async function translators(request: Request): Promise<{ t: TRankingT; ti: TIndicatorsT; locale: TLocale }> {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const locale = resolveLocale(cookie);
  const messages = await loadMessages(locale);
  // The messages are loaded untyped, so the typed key check is of no use here.
  return {
    t: createTranslator({ locale, messages, namespace: "ranking" }) as unknown as TRankingT,
    ti: createTranslator({ locale, messages, namespace: "indicators" }) as unknown as TIndicatorsT,
    locale,
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
