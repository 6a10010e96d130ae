import { createTranslator } from "next-intl";
import { z } from "zod";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit, type TAuditEvent } from "@/lib/audit/mutations/write-audit";
import { AppError, type TErrorCode } from "@/lib/errors";
import { UUID_PATTERN } from "@/lib/ids";
import { LOCALE_COOKIE, resolveLocale, type TLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages/load";
import { allowsPolicy, type TActionPolicy } from "./action";
import { getCurrentUser } from "./auth/current-user";
import { metaFromHeaders } from "./auth/request-meta";
import { db } from "./db";
import { noteRequestOutcome } from "./request-context";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { asTranslator, type TTranslator } from "@/lib/i18n/translator";

/**
 * The one shape of every route handler (app/**\/route.ts), as defineAction is for server
 * actions — route handlers are public HTTP endpoints too:
 *   1. who   — the session user; signed out → 401. A "public" route reads no session at
 *      all (a health probe or a public file should not cost a session lookup);
 *   2. policy — allowsPolicy(policy, user); refused → 404, recorded as a DENIED audit entry
 *      "denied.<name>": the endpoint does not exist for that role, so never 403;
 *      a non-GET request from another origin → 403 "badOrigin" (cross-site forgery, not
 *      authorization: the browser's Origin header is not this host);
 *   3. params — the route's dynamic segments through the zod `params` schema; anything
 *      else (an id that is not a UUID) → 404, like an id that exists nowhere;
 *   4. handler — with the user, the parsed params, the request's metadata and language;
 *      an AppError becomes its code's status (notFound and forbidden alike → 404), any
 *      other error is logged and answered 500 "generic";
 *   5. outcome — when the handler returns `{ response, audit }`, the audit entry is
 *      written (with actor, address and user agent) before the response leaves.
 * Refusals are answered as JSON `{ ok: false, error: code }` for the pages' own fetch
 * calls (`refusals: "json"`), or as plain text in the user's language for links a browser
 * opens (`refusals: "text"`): the wording of `messages` ("<namespace>.errors.<code>") when
 * it has one, else the code's shared message ("errors.codes.<code>"), as forms do.
 * `policy` and `routeName` stay on the returned handler, so the authorization-matrix test
 * reads every route's rule from the code.
 */

/** A route's translator (the messages are loaded untyped, so keys are not checked against a namespace). */
export type TRouteTranslator = TTranslator;

export type TRouteOutcome = { response: Response; audit: Omit<TAuditEvent, "actorUserId" | "actorOrgId" | "ip" | "userAgent" | "outcome"> };

type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type TRouteHandler<S extends z.ZodType, P extends TActionPolicy> = (ctx: {
  request: Request;
  params: z.infer<S>;
  user: P extends "public" ? null : TSessionUser;
  meta: TRequestMeta;
  locale: TLocale;
  /** A translator of the user's language (of one namespace, or of all messages). */
  translator: (namespace?: string) => Promise<TRouteTranslator>;
}) => Promise<Response | TRouteOutcome>;

/** The params of a route with one `[id]` segment: an id that is not a UUID is simply not found. */
export const ZIdRouteParams = z.object({ id: z.string().regex(UUID_PATTERN) });

export type TDefinedRoute = ((request: Request, context?: TRouteContext) => Promise<Response>) & {
  routeName: string;
  policy: TActionPolicy;
};

// The status of a refusal; codes not listed are a bad request. "forbidden" is answered
// as "notFound": the item is not the caller's, and its existence is not confirmed.
const STATUS_OF_CODE: Partial<Record<TErrorCode, number>> = {
  signedOut: 401,
  badOrigin: 403,
  notFound: 404,
  invalidState: 409,
  alreadyUnsolvable: 409,
  notClosable: 409,
  conflict: 409,
  tooMany: 409,
  tooLarge: 413,
  unpackedTooLarge: 413,
  rateLimited: 429,
  badType: 415,
  generic: 500,
};

/** The user's language from the request's own cookie header (so handlers also run outside Next's request scope, as in tests). */
export function requestLocale(request: Request): TLocale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return resolveLocale(cookie);
}

/** A translator of `locale`; the messages are loaded untyped, so next-intl's typed key check is of no use here. */
export async function routeTranslator(locale: TLocale, namespace?: string): Promise<TRouteTranslator> {
  const messages = await loadMessages(locale);
  return asTranslator(createTranslator({ locale, messages, namespace }));
}

export function defineRoute<S extends z.ZodType = z.ZodObject<Record<string, never>>, P extends TActionPolicy = TActionPolicy>(spec: {
  /** The audit name of a refused call: "denied.<name>". */
  name: string;
  policy: P;
  /** The route's dynamic segments, e.g. ZIdRouteParams. */
  params?: S;
  refusals: "json" | "text";
  /** The namespace whose "errors.<code>" words a text refusal (falls back to errors.codes). */
  messages?: string;
  handler: TRouteHandler<S, P>;
}): TDefinedRoute {
  const run = async (request: Request, context?: TRouteContext): Promise<Response> => {
    const locale = requestLocale(request);
    const outcome = (value: string) => {
      noteRequestOutcome(spec.name, value);
      metrics().actionsTotal.inc({ action: spec.name, outcome: value });
    };
    const refuse = async (code: TErrorCode): Promise<Response> => {
      outcome(code);
      const status = code === "forbidden" ? 404 : (STATUS_OF_CODE[code] ?? 400);
      const shown = code === "forbidden" ? "notFound" : code;
      if (spec.refusals === "json") return jsonResponse(status, { ok: false, error: shown });
      const t = await routeTranslator(locale);
      const own = spec.messages ? `${spec.messages}.errors.${shown}` : null;
      return textResponse(status, own && t.has(own) ? t(own) : t(`errors.codes.${shown}`));
    };

    const user = spec.policy === "public" ? null : await getCurrentUser();
    if (!user && spec.policy !== "public") return refuse("signedOut");
    const meta = metaFromHeaders(request.headers);
    if (!allowsPolicy(spec.policy, user)) {
      await writeAudit(db(), {
        action: `denied.${spec.name}`,
        outcome: "DENIED",
        actorUserId: user!.userId,
        actorOrgId: user!.orgId,
        ...meta,
        details: { policy: spec.policy, method: request.method, path: new URL(request.url).pathname },
      });
      return refuse("notFound");
    }
    if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) return refuse("badOrigin");
    const params = (spec.params ?? z.object({})).safeParse((await context?.params) ?? {});
    if (!params.success) return refuse("notFound");

    try {
      const result = await spec.handler({
        request,
        params: params.data as z.infer<S>,
        user: user as P extends "public" ? null : TSessionUser,
        meta,
        locale,
        translator: (namespace) => routeTranslator(locale, namespace),
      });
      if (result instanceof Response) {
        outcome(result.ok ? "ok" : String(result.status));
        return result;
      }
      await writeAudit(db(), { ...result.audit, actorUserId: user?.userId ?? null, actorOrgId: user?.orgId ?? null, ...meta });
      outcome("ok");
      return result.response;
    } catch (error) {
      if (error instanceof AppError) return refuse(error.code);
      logger.error({ route: spec.name, method: request.method, path: new URL(request.url).pathname, err: error }, "route failed");
      return refuse("generic");
    }
  };
  return Object.assign(run, { routeName: spec.name, policy: spec.policy });
}

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** A JSON answer that no cache keeps and no browser sniffs. */
export function jsonResponse(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** A plain-text answer (a message a browser shows for a link it opened), never cached. */
export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
}

/** A browser's cross-site request carries its Origin: it must be this host. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
