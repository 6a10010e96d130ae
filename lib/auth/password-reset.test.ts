import { describe, expect, it } from "vitest";
import { hashResetToken, isResetUsable, newResetToken, resetLinkExpiry, resetLinkPath } from "./password-reset";

const T0 = new Date("2026-12-05T04:00:00.000Z");

describe("password reset links", () => {
  it("makes unguessable tokens and keeps only a hash that does not contain them", () => {
    const a = newResetToken();
    const b = newResetToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashResetToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashResetToken(a)).toBe(hashResetToken(a));
    expect(hashResetToken(a)).not.toContain(a);
  });

  it("lasts 30 minutes and works once", () => {
    const expiresAt = resetLinkExpiry(T0);
    expect(expiresAt.toISOString()).toBe("2026-12-05T04:30:00.000Z");
    expect(isResetUsable({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(isResetUsable({ usedAt: null, expiresAt }, expiresAt)).toBe(false);
    expect(isResetUsable({ usedAt: T0, expiresAt }, T0)).toBe(false);
  });

  it("puts the token in the query, escaped", () => {
    expect(resetLinkPath("a-b_c")).toBe("/reset-password?token=a-b_c");
  });
});
