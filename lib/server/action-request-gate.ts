// Relative imports: the server entry loads this module too (action-body-gate.ts).
import enErrors from "../i18n/messages/en/errors.json";
import zhErrors from "../i18n/messages/zh-CN/errors.json";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locales";
import type { TErrorCode } from "../errors";

/**
 * The two refusals Next.js makes itself before a server action's code runs — a body over
 * the server actions' size limit and an Origin that is not this host — are answered by
 * Next with status 500 (its action handler sets 500 for both; there is no setting for the
 * status). The proxy (proxy.ts) asks this gate first, so such a request gets 413 or 403
 * with the shared message in the user's language instead. A chunked body that declares no
 * length can only be measured while it is read: the server entry does that before Next
 * sees the request (action-body-gate.ts).
 */

/** Next's default limit for a server action's body (next.config.ts sets no other). */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

const MESSAGES = { "zh-CN": zhErrors.errors.codes, en: enErrors.errors.codes } as const;

type TRefusalCode = TErrorCode & keyof typeof zhErrors.errors.codes;

/** The headers of every refusal: plain text, never cached, never sniffed as something else. */
export const REFUSAL_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** The shared message of `code` in the language the request's cookie names (Chinese by default). */
export function refusalText(cookieHeader: string | null | undefined, code: TRefusalCode): string {
  const cookie = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return MESSAGES[resolveLocale(cookie)][code];
}

function refusal(request: Request, status: number, code: TRefusalCode): Response {
  return new Response(refusalText(request.headers.get("cookie"), code), { status, headers: REFUSAL_HEADERS });
}

/** A server action call (POST with a Next-Action header) that Next would refuse with 500, answered 4xx here; else null. */
export function refuseActionRequest(request: Request): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  // The same comparison as Next's: the Origin's host against x-forwarded-host, else host.
  const origin = request.headers.get("origin");
  if (origin) {
    const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const host = forwarded || request.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host; // "null" (a sandboxed page) does not parse: refused, as Next does
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) return refusal(request, 403, "badOrigin");
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > SERVER_ACTION_BODY_LIMIT) return refusal(request, 413, "bodyTooLarge");
  return null;
}
