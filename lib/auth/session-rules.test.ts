import { describe, expect, it } from "vitest";
import { checkSession, SESSION_LIMITS, type TSessionFacts } from "./session-rules";

const NOW = new Date("2025-03-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

const fresh: TSessionFacts = {
  createdAt: ago(1 * H),
  lastSeenAt: ago(10 * S),
  revokedAt: null,
  sessionVersion: 3,
  userSessionVersion: 3,
  userActive: true,
};
const check = (over: Partial<TSessionFacts>) => checkSession({ ...fresh, ...over }, NOW);

describe("SESSION_LIMITS", () => {
  it("are 30 min idle, 12 h absolute, touch every 60 s", () => {
    expect(SESSION_LIMITS).toEqual({ idleMinutes: 30, absoluteHours: 12, touchEverySeconds: 60 });
  });
});

describe("checkSession", () => {
  it("a recently used session is ok and not touched", () => {
    expect(check({})).toEqual({ ok: true, touch: false });
  });

  describe("touch", () => {
    it("is false under 60 s and true from 60 s", () => {
      expect(check({ lastSeenAt: ago(59_999) })).toEqual({ ok: true, touch: false });
      expect(check({ lastSeenAt: ago(60 * S) })).toEqual({ ok: true, touch: true });
      expect(check({ lastSeenAt: ago(29 * MIN) })).toEqual({ ok: true, touch: true });
    });

    it("is false when lastSeenAt is now or in the future (clock skew)", () => {
      expect(check({ lastSeenAt: NOW })).toEqual({ ok: true, touch: false });
      expect(check({ lastSeenAt: new Date(NOW.getTime() + 5 * MIN) })).toEqual({ ok: true, touch: false });
    });
  });

  describe("idle", () => {
    it("ends the session at 30 minutes without activity", () => {
      expect(check({ lastSeenAt: ago(30 * MIN - 1) }).ok).toBe(true);
      expect(check({ lastSeenAt: ago(30 * MIN) })).toEqual({ ok: false, reason: "idle" });
      expect(check({ lastSeenAt: ago(5 * H) })).toEqual({ ok: false, reason: "idle" });
    });
  });

  describe("expired (absolute lifetime)", () => {
    it("ends the session 12 h after creation even if active", () => {
      expect(check({ createdAt: ago(12 * H - 1), lastSeenAt: ago(1 * S) }).ok).toBe(true);
      expect(check({ createdAt: ago(12 * H), lastSeenAt: ago(1 * S) })).toEqual({ ok: false, reason: "expired" });
      expect(check({ createdAt: ago(30 * H), lastSeenAt: NOW })).toEqual({ ok: false, reason: "expired" });
    });

    it("wins over idle", () => {
      expect(check({ createdAt: ago(13 * H), lastSeenAt: ago(2 * H) })).toEqual({ ok: false, reason: "expired" });
    });

    it("a createdAt in the future is not a way round the limits", () => {
      expect(check({ createdAt: new Date(NOW.getTime() + H), lastSeenAt: ago(31 * MIN) })).toEqual({ ok: false, reason: "idle" });
    });

    it("unreadable dates fail closed", () => {
      const bad = new Date(Number.NaN);
      expect(check({ createdAt: bad })).toEqual({ ok: false, reason: "expired" });
      expect(check({ lastSeenAt: bad })).toEqual({ ok: false, reason: "expired" });
      expect(checkSession(fresh, bad)).toEqual({ ok: false, reason: "expired" });
    });
  });

  describe("revoked", () => {
    it("a revoked session is refused, whenever it was revoked", () => {
      expect(check({ revokedAt: ago(1 * S) })).toEqual({ ok: false, reason: "revoked" });
      expect(check({ revokedAt: new Date(NOW.getTime() + H) })).toEqual({ ok: false, reason: "revoked" });
    });
  });

  describe("version", () => {
    it("a session older than the user's current version is refused", () => {
      expect(check({ sessionVersion: 2, userSessionVersion: 3 })).toEqual({ ok: false, reason: "version" });
    });
    it("any mismatch is refused, not only an older one", () => {
      expect(check({ sessionVersion: 4, userSessionVersion: 3 })).toEqual({ ok: false, reason: "version" });
    });
  });

  describe("inactive", () => {
    it("a deactivated user's session is refused", () => {
      expect(check({ userActive: false })).toEqual({ ok: false, reason: "inactive" });
    });
  });

  describe("order of reasons", () => {
    const everythingWrong: Partial<TSessionFacts> = {
      createdAt: ago(20 * H),
      lastSeenAt: ago(2 * H),
      revokedAt: ago(1 * H),
      sessionVersion: 1,
      userSessionVersion: 2,
      userActive: false,
    };
    it("revoked > inactive > version > expired > idle", () => {
      expect(check(everythingWrong)).toEqual({ ok: false, reason: "revoked" });
      expect(check({ ...everythingWrong, revokedAt: null })).toEqual({ ok: false, reason: "inactive" });
      expect(check({ ...everythingWrong, revokedAt: null, userActive: true })).toEqual({ ok: false, reason: "version" });
      expect(check({ ...everythingWrong, revokedAt: null, userActive: true, sessionVersion: 2 })).toEqual({ ok: false, reason: "expired" });
      expect(check({ ...everythingWrong, revokedAt: null, userActive: true, sessionVersion: 2, createdAt: ago(3 * H) })).toEqual({
        ok: false,
        reason: "idle",
      });
    });
  });
});
