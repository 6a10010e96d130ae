import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, isLocked, LOCKOUT, mayTellLocked, type TLockoutState } from "./lockout";

const T0 = new Date("2025-03-01T08:00:00Z");
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
const CLEAR: TLockoutState = { failedSignIns: 0, lockedUntil: null };

function fail(state: TLockoutState, now: Date, times: number) {
  let s = { ...state, justLocked: false };
  for (let i = 0; i < times; i++) s = afterFailure(s, now);
  return s;
}

describe("LOCKOUT", () => {
  it("is 5 failures → 15 minutes", () => {
    expect(LOCKOUT).toEqual({ maxFailures: 5, lockMinutes: 15 });
  });
});

describe("isLocked", () => {
  it("is false without a lock", () => {
    expect(isLocked(CLEAR, T0)).toBe(false);
    expect(isLocked({ failedSignIns: 4, lockedUntil: null }, T0)).toBe(false);
  });

  it("is true until lockedUntil, false from then on", () => {
    const s = { failedSignIns: 0, lockedUntil: plus(T0, 15) };
    expect(isLocked(s, T0)).toBe(true);
    expect(isLocked(s, new Date(plus(T0, 15).getTime() - 1))).toBe(true);
    expect(isLocked(s, plus(T0, 15))).toBe(false);
    expect(isLocked(s, plus(T0, 60))).toBe(false);
  });

  it("an invalid lockedUntil date does not lock", () => {
    expect(isLocked({ failedSignIns: 0, lockedUntil: new Date(Number.NaN) }, T0)).toBe(false);
  });
});

describe("afterFailure", () => {
  it("counts failures 1..4 without locking", () => {
    let s: TLockoutState = CLEAR;
    for (let n = 1; n <= 4; n++) {
      const r = afterFailure(s, T0);
      expect(r).toEqual({ failedSignIns: n, lockedUntil: null, justLocked: false });
      s = r;
    }
  });

  it("the 5th consecutive failure locks for 15 minutes and resets the counter", () => {
    const r = afterFailure({ failedSignIns: 4, lockedUntil: null }, T0);
    expect(r).toEqual({ failedSignIns: 0, lockedUntil: plus(T0, 15), justLocked: true });
    expect(isLocked(r, T0)).toBe(true);
    expect(isLocked(r, plus(T0, 14))).toBe(true);
    expect(isLocked(r, plus(T0, 15))).toBe(false);
  });

  it("five failures in a row from a clean state lock", () => {
    const r = fail(CLEAR, T0, 5);
    expect(r.justLocked).toBe(true);
    expect(isLocked(r, T0)).toBe(true);
    expect(fail(CLEAR, T0, 4).lockedUntil).toBeNull();
  });

  it("failures while locked do not extend the lock; they are counted up to the limit and close the locked answer", () => {
    const locked = afterFailure({ failedSignIns: 4, lockedUntil: null }, T0);
    const later = plus(T0, 10);
    expect(mayTellLocked(locked, later)).toBe(true);
    const r = afterFailure(locked, later);
    expect(r).toEqual({ failedSignIns: 1, lockedUntil: plus(T0, 15), justLocked: false });
    expect(mayTellLocked(r, later)).toBe(true);
    const many = fail(locked, later, 20);
    expect(many).toEqual({ failedSignIns: 5, lockedUntil: plus(T0, 15), justLocked: false });
    expect(mayTellLocked(fail(locked, later, 4), later)).toBe(true);
    expect(mayTellLocked(many, later)).toBe(false);
    // Not locked: nothing to tell.
    expect(mayTellLocked(CLEAR, later)).toBe(false);
    expect(mayTellLocked(locked, plus(T0, 15))).toBe(false);
  });

  it("the guesses made during a lock are forgotten when it expires", () => {
    const expired = { failedSignIns: 5, lockedUntil: plus(T0, 15) };
    expect(afterFailure(expired, plus(T0, 16))).toEqual({ failedSignIns: 1, lockedUntil: null, justLocked: false });
  });

  it("an expired lock behaves as unlocked: counting restarts and the old lock is cleared", () => {
    const expired = { failedSignIns: 0, lockedUntil: plus(T0, 15) };
    const after = plus(T0, 16);
    expect(afterFailure(expired, after)).toEqual({ failedSignIns: 1, lockedUntil: null, justLocked: false });
    // And five more failures lock again, from the new time.
    const r = fail(expired, after, 5);
    expect(r).toEqual({ failedSignIns: 0, lockedUntil: plus(after, 15), justLocked: true });
  });

  it("exactly at lockedUntil the lock has expired", () => {
    const s = { failedSignIns: 0, lockedUntil: plus(T0, 15) };
    expect(afterFailure(s, plus(T0, 15))).toEqual({ failedSignIns: 1, lockedUntil: null, justLocked: false });
  });

  it("a counter already at or above the limit (rules tightened) locks on the next failure", () => {
    expect(afterFailure({ failedSignIns: 9, lockedUntil: null }, T0).justLocked).toBe(true);
  });

  it("a corrupt counter is read as 0", () => {
    expect(afterFailure({ failedSignIns: Number.NaN, lockedUntil: null }, T0)).toEqual({
      failedSignIns: 1,
      lockedUntil: null,
      justLocked: false,
    });
    expect(afterFailure({ failedSignIns: -3, lockedUntil: null }, T0)).toEqual({ failedSignIns: 1, lockedUntil: null, justLocked: false });
  });

  it("does not mutate its input", () => {
    const s = { failedSignIns: 4, lockedUntil: null };
    afterFailure(s, T0);
    expect(s).toEqual({ failedSignIns: 4, lockedUntil: null });
  });
});

describe("afterSuccess", () => {
  it("clears everything", () => {
    expect(afterSuccess()).toEqual({ failedSignIns: 0, lockedUntil: null });
  });

  it("a success in between means failures are no longer consecutive", () => {
    const four = fail(CLEAR, T0, 4);
    const reset = afterSuccess();
    expect(fail(reset, T0, 4).lockedUntil).toBeNull();
    expect(afterFailure(four, T0).justLocked).toBe(true);
  });
});
