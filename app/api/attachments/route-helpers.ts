import { z } from "zod";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TPermission } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError, type TErrorCode } from "@/lib/errors";
import { allowsPolicy } from "@/lib/server/action";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { metaFromHeaders } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// What the attachment route handlers share. Answers are JSON { ok, … } with an error code
// the upload widget translates (messages requestForm.attachments.errors.<code>).
// Signed out → 401; a role without the permission → 404 (audited as a denied attempt),
// exactly like an id that does not exist; a POST/DELETE from another origin → 403.

export type TRouteContext = { params: Promise<{ id: string }> };

export function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

export const failure = (status: number, error: TErrorCode) => json(status, { ok: false, error });

type TGate = { ok: true; user: TSessionUser; id: string } | { ok: false; response: Response };

const ZId = z.string().uuid();

/** The signed-in user holding `permission`, and the route's id (a UUID, else not found). */
export async function gate(request: Request, context: TRouteContext | undefined, permission: TPermission): Promise<TGate> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: failure(401, "signedOut") };
  if (!allowsPolicy(permission, user)) {
    await writeAudit(db(), {
      action: `denied.${permission}`, outcome: "DENIED", actorUserId: user.userId, actorOrgId: user.orgId,
      ...metaFromHeaders(request.headers), details: { policy: permission, method: request.method, route: "attachments" },
    });
    return { ok: false, response: failure(404, "notFound") };
  }
  if (request.method !== "GET" && !sameOrigin(request)) return { ok: false, response: failure(403, "badOrigin") };
  const params = await context?.params;
  const id = ZId.safeParse(params?.id);
  if (!id.success) return { ok: false, response: failure(404, "notFound") };
  return { ok: true, user, id: id.data };
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

const STATUS_OF_CODE: Record<string, number> = {
  notFound: 404, forbidden: 404, invalidState: 409, tooMany: 409, tooLarge: 413, badType: 415, emptyFile: 400,
};

/** Expected refusals become their code; anything else is logged and answered generically. */
export function refusal(error: unknown): Response {
  if (error instanceof AppError) return failure(STATUS_OF_CODE[error.code] ?? 400, error.code === "forbidden" ? "notFound" : error.code);
  console.error("attachment request failed", error);
  return failure(500, "generic");
}
