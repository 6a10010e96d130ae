/**
 * Sign-in throttling beyond the per-account lockout (lockout.ts). The lockout stops
 * guessing at one account, but one address could still try a password on every account
 * (one wrong password on each of 30 accounts took under a second), and lock any account
 * it liked. So failed sign-ins are also counted per client address and across the whole
 * portal, in fixed windows kept in PostgreSQL (AttemptCounter) so every app instance
 * shares them. Pure rules here; the counting is mutations/reserve-sign-in-attempt.ts.
 */

export type TThrottleScope = "signIn.address" | "signIn.global";

export const SIGN_IN_THROTTLE = {
  // A person who forgot a password is stopped by the account lockout after 5 tries; 20
  // failures in 15 minutes still leave room for an office whose staff share one address,
  // and hold one address to 20 accounts per 15 minutes instead of thousands.
  perAddress: { scope: "signIn.address", limit: 20, windowMinutes: 15 },
  // Far above the whole city's mistyped passwords (a few a minute at the morning peak) and
  // far below a guessing run spread over many addresses. While it is exceeded, every
  // sign-in waits for the window to end: at most 300 guesses per 5 minutes portal-wide.
  global: { scope: "signIn.global", limit: 300, windowMinutes: 5 },
} as const satisfies Record<string, { scope: TThrottleScope; limit: number; windowMinutes: number }>;

export type TThrottleRule = (typeof SIGN_IN_THROTTLE)[keyof typeof SIGN_IN_THROTTLE];

// Counters older than this are deleted by the job workers' housekeeping.
export const KEEP_ATTEMPT_COUNTERS_MS = 24 * 60 * 60_000;

/** The address bucket's key: requests whose address is unknown share one bucket. */
export function addressKey(ip: string | null): string {
  return ip ?? "unknown";
}

/** Start of the fixed window (aligned on the epoch) that `now` falls in. */
export function windowStart(now: Date, windowMinutes: number): Date {
  const size = windowMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** When the window starting at `start` ends: the earliest time a refused attempt may retry. */
export function windowEnd(start: Date, windowMinutes: number): Date {
  return new Date(start.getTime() + windowMinutes * 60_000);
}

/** Whole minutes to wait until `retryAt`, at least 1 (what the sign-in form shows). */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
