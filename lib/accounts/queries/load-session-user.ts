import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { requiresTotp } from "@/lib/auth/mfa-policy";
import { SCOPE_COLUMNS, SCOPE_JOINS, scopeFromColumns, type TScopeColumns } from "@/lib/auth/queries/load-scope-context";
import type { TScopeContext } from "@/lib/auth/scopes";
import { checkSession } from "@/lib/auth/session-rules";
import { CACHE_REVISIONS_COLUMN, cacheRevisionsOf, type TCacheRevisions } from "@/lib/cache-revisions/queries/cache-revisions-of";
import { isUuid } from "@/lib/ids";

export type TSessionUser = {
  sessionId: string;
  userId: string;
  account: string;
  name: string;
  role: Role;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  mustChangePassword: boolean;
  needsTotpEnrolment: boolean;
  totpEnabled: boolean;
};

export type TLoadSessionResult =
  /**
   * `scope`: what loadScopeContext would give for the user's organization; `unread`: the
   * user's unread notifications (what unreadCount would give); `cacheRevisions`: the
   * revisions the per-process caches compare theirs with (loadWorkingCalendar's calendar,
   * getCurrentProgram's program).
   */
  | { ok: true; user: TSessionUser; scope: TScopeContext; unread: number; cacheRevisions: TCacheRevisions }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" | "version" | "inactive" };

type TSessionRow = TScopeColumns & {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  sessionVersion: number;
  userId: string;
  account: string;
  name: string;
  role: Role;
  userActive: boolean;
  userSessionVersion: number;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  orgActive: boolean;
  unread: number;
  cacheRevisions: Partial<Record<string, string>> | null;
};

/**
 * The server-side half of every session check: the cookie only names the session, this
 * decides whether it is still good (not revoked, not idle 30 minutes, not older than 12
 * hours, the account's session version unchanged, account and organization active).
 * An ended session is marked revoked so it can never come back.
 */
export async function loadSessionUser(db: PrismaClient, sessionId: string, now: Date = new Date()): Promise<TLoadSessionResult> {
  if (!isUuid(sessionId)) return { ok: false, reason: "missing" };
  // One statement for the session, its user, the user's organization, that organization's
  // scope, the user's unread notifications (the header's bell on every page) and the
  // per-process caches' revisions (most pages compute deadlines, every dashboard
  // shows the year's program): this runs
  // on every signed-in request, and separate loads would cost five round-trips.
  const [session] = await db.$queryRaw<TSessionRow[]>`
    SELECT s.id::text AS id, s."createdAt", s."lastSeenAt", s."revokedAt", s."sessionVersion",
           u.id::text AS "userId", u.account, u.name, u.role::text AS role, u.active AS "userActive",
           u."sessionVersion" AS "userSessionVersion", u."mustChangePassword", u."totpEnabledAt",
           o.id::text AS "orgId", o.kind::text AS "orgKind", o.name AS "orgName", o.active AS "orgActive",
           ${SCOPE_COLUMNS},
           (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread,
           ${CACHE_REVISIONS_COLUMN} AS "cacheRevisions"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Organization" o ON o.id = u."orgId"
    ${SCOPE_JOINS}
    WHERE s.id = ${sessionId}::uuid`;
  if (!session) return { ok: false, reason: "missing" };
  const verdict = checkSession(
    {
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      revokedAt: session.revokedAt,
      sessionVersion: session.sessionVersion,
      userSessionVersion: session.userSessionVersion,
      userActive: session.userActive && session.orgActive,
    },
    now,
  );
  if (!verdict.ok) {
    if (!session.revokedAt) {
      await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now, revokeReason: verdict.reason } });
    }
    return { ok: false, reason: verdict.reason };
  }
  if (verdict.touch) await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  return {
    ok: true,
    user: {
      sessionId: session.id,
      userId: session.userId,
      account: session.account,
      name: session.name,
      role: session.role,
      orgId: session.orgId,
      orgKind: session.orgKind,
      orgName: session.orgName,
      mustChangePassword: session.mustChangePassword,
      needsTotpEnrolment: requiresTotp(session.role) && !session.totpEnabledAt,
      totpEnabled: session.totpEnabledAt !== null,
    },
    scope: scopeFromColumns(session.orgKind, session),
    unread: session.unread,
    cacheRevisions: cacheRevisionsOf(session.cacheRevisions),
  };
}
