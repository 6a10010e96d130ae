import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TLocale } from "@/lib/i18n/locales";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx";
import type { TRouteOutcome, TRouteTranslator } from "@/lib/server/route";
import type { TTranslate } from "@/lib/i18n/translator";

export type TExportList = "enterprises" | "banks" | "parks" | "guarantors";

export type TBuiltExport = { file: Buffer; rows: number; capped: boolean; filters: Record<string, unknown> };

type TExportContext = {
  request: Request;
  user: TSessionUser;
  locale: TLocale;
  translator: (namespace?: string) => Promise<TRouteTranslator>;
};

// GET /registry/<list>/export?<the page's filters> (behind defineRoute, policy
// "registry.export"): the list as an .xlsx file, with the page's scope and filters. Every
// export is audited ("registry.exported": which list, filters, number of rows).
export async function registryExport(
  ctx: TExportContext,
  list: TExportList,
  build: (ctx: { user: TSessionUser; params: URLSearchParams; t: TTranslate; locale: TLocale }) => Promise<TBuiltExport>,
): Promise<TRouteOutcome> {
  const t = await ctx.translator();
  const built = await build({ user: ctx.user, params: new URL(ctx.request.url).searchParams, t, locale: ctx.locale });
  const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
  return {
    response: xlsxResponse(built.file, `${t(`registry.export.${list}`)}-${stamp}.xlsx`),
    audit: { action: "registry.exported", details: { list, filters: built.filters as never, rows: built.rows, capped: built.capped } },
  };
}
