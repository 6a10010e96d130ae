import { cache } from "react";
import { redirect } from "next/navigation";
import { loadSessionUser, type TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { can, type TPermission } from "@/lib/auth/permissions";
import { rememberCacheRevisions } from "@/lib/cache-revisions/known-cache-revision";
import { rememberScopeContext } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { rememberUnreadCount } from "@/lib/notifications/queries/list-notifications";
import { orUnavailable } from "@/lib/server/database-unavailable";
import { db } from "@/lib/server/db";
import { noteRequestUser } from "@/lib/server/request-context";
import { requestMeta } from "./request-meta";
import { sessionIdFromCookie } from "./session-cookie";

/**
 * The signed-in user of this request, checked against the Session row; null if none. The
 * same statement reads the user's scope, unread notifications and the per-process caches'
 * revisions (calendar, program), which the render's scope loads, unread counts, calendar and program
 * loads then reuse.
 * Database unreachable: DatabaseUnavailableError, and the request is answered 503
 * (lib/server/database-unavailable.ts) instead of pretending the user is signed out.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const result = await orUnavailable(loadSessionUser(db(), sid));
  if (!result.ok) return null;
  rememberScopeContext(db(), result.user.orgId, result.scope);
  rememberUnreadCount(db(), result.user.userId, result.unread);
  rememberCacheRevisions(db(), result.cacheRevisions);
  noteRequestUser(result.user);
  return result.user;
});

type TRequireOptions = { allowPasswordChange?: boolean; allowTotpEnrolment?: boolean };

/**
 * For pages: a signed-in user who has done what the account must do first (change an
 * administrator-set password, enrol a second factor); otherwise a redirect.
 */
export async function requireUser(options: TRequireOptions = {}): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  if (user.needsTotpEnrolment && !user.mustChangePassword && !options.allowTotpEnrolment) redirect("/account/totp");
  return user;
}

/**
 * For pages: as requireUser, and the role must hold the permission; otherwise the
 * attempt is audited and the user goes back to their own dashboard.
 */
export async function requirePermission(permission: TPermission): Promise<TSessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) {
    await writeAudit(db(), {
      action: `denied.page.${permission}`,
      outcome: "DENIED",
      actorUserId: user.userId,
      actorOrgId: user.orgId,
      ...(await requestMeta()),
    });
    redirect("/");
  }
  return user;
}
