import { createTranslator } from "next-intl";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { auditCsvChunks } from "@/lib/audit/queries/export-audit-log";
import { AUDIT_EXPORT_MAX_ROWS, parseAuditSearch } from "@/lib/audit/schemas";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages/load";
import { allowsPolicy } from "@/lib/server/action";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { metaFromHeaders } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";
import { exportLabels, type TTranslator } from "../labels";

export const dynamic = "force-dynamic";

// GET /audit/export?<the page's filters>: the search as a streamed CSV file.
// Signed out → 401; a role without audit.export → 404 (the page does not exist for it),
// recorded as a denied attempt. Every export is itself audited, with its filters.
export async function GET(request: Request): Promise<Response> {
  const [user, { t, tErrors }] = await Promise.all([getCurrentUser(), translators(request)]);
  if (!user) return text(401, t("signedOut"));
  const meta = metaFromHeaders(request.headers);
  if (!allowsPolicy("audit.export", user)) {
    await writeAudit(db(), {
      action: "denied.audit.export", outcome: "DENIED", actorUserId: user.userId, actorOrgId: user.orgId,
      ...meta, details: { policy: "audit.export" },
    });
    return text(404, tErrors("notFound"));
  }

  const parsed = parseAuditSearch(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const lines = Object.values(parsed.errors).map((code) => t(`errors.${code}`));
    return text(400, `${t("invalid")}\n${lines.join("\n")}`);
  }
  const { filters } = parsed;

  await writeAudit(db(), {
    action: "audit.exported", actorUserId: user.userId, actorOrgId: user.orgId, ...meta,
    details: { filters, maxRows: AUDIT_EXPORT_MAX_ROWS },
  });

  const chunks = auditCsvChunks(db(), filters, exportLabels(t));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("audit export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return({ rows: 0, capped: false });
    },
  });

  const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(t("exportFileName", { stamp }))}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// The user's language from the request's own cookie header (so the handler also runs
// outside Next's request scope, e.g. in the authorization-matrix test).
async function translators(request: Request) {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const locale = resolveLocale(cookie);
  const messages = await loadMessages(locale);
  return {
    // The messages are loaded untyped, so the typed key check is of no use here.
    t: createTranslator({ locale, messages, namespace: "audit" }) as unknown as TTranslator,
    tErrors: createTranslator({ locale, messages, namespace: "errors" }) as unknown as TTranslator,
  };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
