import { createTranslator } from "next-intl";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { LOCALE_COOKIE, resolveLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages/load";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx";
import { allowsPolicy } from "@/lib/server/action";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { metaFromHeaders } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export type TTranslate = (key: string, values?: Record<string, string | number>) => string;

export type TExportList = "enterprises" | "banks" | "parks" | "guarantors";

export type TBuiltExport = { file: Buffer; rows: number; capped: boolean; filters: Record<string, unknown> };

// GET /registry/<list>/export?<the page's filters>: the list as an .xlsx file, with the
// page's scope and filters. Signed out → 401; a role without registry.export → 404 (the
// export does not exist for it), recorded as a denied attempt. Every export is audited
// ("registry.exported": which list, filters, number of rows).
export async function registryExport(
  request: Request,
  list: TExportList,
  build: (ctx: { user: TSessionUser; params: URLSearchParams; t: TTranslate; locale: TLocale }) => Promise<TBuiltExport>,
): Promise<Response> {
  const [user, { t, locale }] = await Promise.all([getCurrentUser(), translator(request)]);
  if (!user) return text(401, t("registry.errors.signedOut"));
  const meta = metaFromHeaders(request.headers);
  if (!allowsPolicy("registry.export", user)) {
    await writeAudit(db(), {
      action: "denied.registry.export", outcome: "DENIED", actorUserId: user.userId, actorOrgId: user.orgId, ...meta,
      details: { policy: "registry.export", list },
    });
    return text(404, t("registry.errors.notFound"));
  }
  const built = await build({ user, params: new URL(request.url).searchParams, t, locale });
  await writeAudit(db(), {
    action: "registry.exported", actorUserId: user.userId, actorOrgId: user.orgId, ...meta,
    details: { list, filters: built.filters as never, rows: built.rows, capped: built.capped },
  });
  const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
  return xlsxResponse(built.file, `${t(`registry.export.${list}`)}-${stamp}.xlsx`);
}

// The user's language from the request's own cookie header (so the handler also runs
// outside Next's request scope, e.g. in the authorization-matrix test).
async function translator(request: Request): Promise<{ t: TTranslate; locale: TLocale }> {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const locale = resolveLocale(cookie);
  const messages = await loadMessages(locale);
  // The messages are loaded untyped, so the typed key check is of no use here.
  return { t: createTranslator({ locale, messages }) as unknown as TTranslate, locale };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
