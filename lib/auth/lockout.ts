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

/**
 * The state after one more failed sign-in.
 * - While locked: unchanged (the lock is not extended), justLocked false.
 * - Otherwise: one more consecutive failure; the maxFailures-th sets a lock of lockMinutes from
 *   now and resets the counter to 0 (justLocked true, e.g. to notify the user). An expired
 *   lock is cleared.
 */
export function afterFailure(state: TLockoutState, now: Date): { failedSignIns: number; lockedUntil: Date | null; justLocked: boolean } {
  if (isLocked(state, now)) return { failedSignIns: state.failedSignIns, lockedUntil: state.lockedUntil, justLocked: false };
  const before = Number.isFinite(state.failedSignIns) ? Math.max(0, Math.trunc(state.failedSignIns)) : 0;
  const failures = before + 1;
  if (failures >= LOCKOUT.maxFailures) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000), justLocked: true };
  }
  return { failedSignIns: failures, lockedUntil: null, justLocked: false };
}

/** The state after a successful sign-in (only reachable when not locked): all clear. */
export function afterSuccess(): { failedSignIns: 0; lockedUntil: null } {
  return { failedSignIns: 0, lockedUntil: null };
}
