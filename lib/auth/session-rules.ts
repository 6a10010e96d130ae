// Server-side session validity rules. The caller loads the session row and its user, asks
// checkSession(), deletes/ignores the session when not ok, and updates lastSeenAt when touch.

export const SESSION_LIMITS = { idleMinutes: 30, absoluteHours: 12, touchEverySeconds: 60 } as const;

export type TSessionFacts = {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  /** The version stamped on the session when it was created. */
  sessionVersion: number;
  /** The user's current version: bumped on password change, "sign out everywhere", role change… */
  userSessionVersion: number;
  userActive: boolean;
};

export type TSessionCheck = { ok: true; touch: boolean } | { ok: false; reason: "revoked" | "idle" | "expired" | "version" | "inactive" };

/**
 * Reasons are checked in this order: revoked, inactive, version, expired (absolute lifetime),
 * idle. Limits are exclusive: a session exactly 30 min idle / 12 h old is over.
 * `touch` is true when lastSeenAt is at least touchEverySeconds old, so lastSeenAt is written
 * at most about once a minute. A lastSeenAt/createdAt in the future (clock skew) counts as 0 s
 * old; unreadable dates fail closed ("expired").
 */
export function checkSession(s: TSessionFacts, now: Date): TSessionCheck {
  if (s.revokedAt !== null) return { ok: false, reason: "revoked" };
  if (!s.userActive) return { ok: false, reason: "inactive" };
  if (s.sessionVersion !== s.userSessionVersion) return { ok: false, reason: "version" };

  const t = now.getTime();
  const created = s.createdAt.getTime();
  const seen = s.lastSeenAt.getTime();
  if (!Number.isFinite(t) || !Number.isFinite(created) || !Number.isFinite(seen)) return { ok: false, reason: "expired" };

  const age = t - created; // negative (createdAt in the future) never reaches the limit
  const idle = Math.max(0, t - seen);
  if (age >= SESSION_LIMITS.absoluteHours * 3_600_000) return { ok: false, reason: "expired" };
  if (idle >= SESSION_LIMITS.idleMinutes * 60_000) return { ok: false, reason: "idle" };
  return { ok: true, touch: idle >= SESSION_LIMITS.touchEverySeconds * 1000 };
}
