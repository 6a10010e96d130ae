/**
 * Password reset links: the rules, pure. A link carries a random 256-bit token; the
 * database keeps only its SHA-256 (a stolen backup or a read of the table opens nothing),
 * the link works once and for RESET_LINK.validMinutes after it was asked for.
 * Asking for links is counted per client address and per login typed (AttemptCounter,
 * like sign-in attempts), so nobody can flood an inbox or the mail server.
 */
import { createHash, randomBytes } from "node:crypto";

export const RESET_LINK = { validMinutes: 30 } as const;

export type TResetThrottleScope = "reset.address" | "reset.login";

export const RESET_THROTTLE = {
  // An office behind one address may have a few people who forgot a password at once.
  perAddress: { scope: "reset.address", limit: 10, windowMinutes: 15 },
  // One person needs one link, maybe a second when the first went to spam.
  perLogin: { scope: "reset.login", limit: 3, windowMinutes: 15 },
} as const satisfies Record<string, { scope: TResetThrottleScope; limit: number; windowMinutes: number }>;

/** A new link token: 32 random bytes, base64url (43 characters). */
export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, hex. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** When a link asked for at `createdAt` stops working. */
export function resetLinkExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + RESET_LINK.validMinutes * 60_000);
}

/** Usable: not used yet and `now` before its expiry (at the expiry instant it has expired). */
export function isResetUsable(reset: { usedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return reset.usedAt === null && now.getTime() < reset.expiresAt.getTime();
}

/** The path of the reset page for a token (the e-mail prefixes the portal's address). */
export function resetLinkPath(token: string): string {
  return `/reset-password?token=${encodeURIComponent(token)}`;
}
