import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { requiresTotp } from "@/lib/auth/mfa-policy";
import { checkSession } from "@/lib/auth/session-rules";

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
  | { ok: true; user: TSessionUser }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" | "version" | "inactive" };

/**
 * The server-side half of every session check: the cookie only names the session, this
 * decides whether it is still good (not revoked, not idle 30 minutes, not older than 12
 * hours, the account's session version unchanged, account and organization active).
 * An ended session is marked revoked so it can never come back.
 */
export async function loadSessionUser(db: PrismaClient, sessionId: string, now: Date = new Date()): Promise<TLoadSessionResult> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true, createdAt: true, lastSeenAt: true, revokedAt: true, sessionVersion: true,
      user: {
        select: {
          id: true, account: true, name: true, role: true, active: true, sessionVersion: true, mustChangePassword: true,
          totpEnabledAt: true, org: { select: { id: true, kind: true, name: true, active: true } },
        },
      },
    },
  });
  if (!session) return { ok: false, reason: "missing" };
  const { user } = session;
  const verdict = checkSession(
    {
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      revokedAt: session.revokedAt,
      sessionVersion: session.sessionVersion,
      userSessionVersion: user.sessionVersion,
      userActive: user.active && user.org.active,
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
      userId: user.id,
      account: user.account,
      name: user.name,
      role: user.role,
      orgId: user.org.id,
      orgKind: user.org.kind,
      orgName: user.org.name,
      mustChangePassword: user.mustChangePassword,
      needsTotpEnrolment: requiresTotp(user.role) && !user.totpEnabledAt,
      totpEnabled: user.totpEnabledAt !== null,
    },
  };
}
