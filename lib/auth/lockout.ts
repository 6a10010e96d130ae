// Account lockout after repeated failed sign-ins. The rules are data; the caller loads and
// stores the two columns (failedSignIns, lockedUntil) and checks isLocked() BEFORE verifying
// the password, so that a locked account cannot be probed.

export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;

export type TLockoutState = { failedSignIns: number; lockedUntil: Date | null };

/** Locked while now < lockedUntil. An expired (or unreadable) lock behaves as unlocked. */
export function isLocked(state: TLockoutState, now: Date): boolean {
  const until = state.lockedUntil?.getTime();
  return until !== undefined && Number.isFinite(until) && now.getTime() < until;
}

const count = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0);

/**
 * The state after one more failed sign-in.
 * - While locked: the lock is not extended (justLocked false), but the guess is counted,
 *   up to maxFailures: a right password is told "locked" (mayTellLocked) only for the
 *   first maxFailures guesses of a lock, so the lock cannot be used to test passwords.
 * - Otherwise: one more consecutive failure; the maxFailures-th sets a lock of lockMinutes from
 *   now and resets the counter to 0 (justLocked true, e.g. to notify the user). An expired
 *   lock is cleared, and the guesses made during it are forgotten.
 */
export function afterFailure(state: TLockoutState, now: Date): { failedSignIns: number; lockedUntil: Date | null; justLocked: boolean } {
  if (isLocked(state, now)) {
    return {
      failedSignIns: Math.min(count(state.failedSignIns) + 1, LOCKOUT.maxFailures),
      lockedUntil: state.lockedUntil,
      justLocked: false,
    };
  }
  const before = state.lockedUntil ? 0 : count(state.failedSignIns);
  const failures = before + 1;
  if (failures >= LOCKOUT.maxFailures) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000), justLocked: true };
  }
  return { failedSignIns: failures, lockedUntil: null, justLocked: false };
}

/**
 * Whether a sign-in with the right password on a locked account may be told that the
 * account is locked (and until when): only someone who knows the password learns it, and
 * only while fewer than maxFailures wrong guesses were made during this lock — beyond
 * that the right password gets the same "invalid" as a wrong one until the lock ends.
 */
export function mayTellLocked(state: TLockoutState, now: Date): boolean {
  return isLocked(state, now) && count(state.failedSignIns) < LOCKOUT.maxFailures;
}

/** The state after a successful sign-in (only reachable when not locked): all clear. */
export function afterSuccess(): { failedSignIns: 0; lockedUntil: null } {
  return { failedSignIns: 0, lockedUntil: null };
}
