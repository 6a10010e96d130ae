// Pairing rules (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）1: pairings are set per year and in principle do not change
// within the year; they lock when the implementation phase starts, see
// lib/programs/rules.ts isImplementationStarted). Pure: no database, no framework.

/** A change after the lock needs a written reason of at least this many characters. */
export const CHANGE_REASON_MIN_LENGTH = 5;
export const CHANGE_REASON_MAX_LENGTH = 500;

/** The reason as stored: trimmed, inner runs of white space collapsed; empty → null. */
export function normalizeReason(reason: string | null | undefined): string | null {
  if (typeof reason !== "string") return null;
  const clean = reason.replace(/\s+/gu, " ").trim();
  return clean.length > 0 ? clean : null;
}

/** Length in characters as a reader counts them (code points, so "变更" is 2). */
export function reasonLength(reason: string | null): number {
  return reason === null ? 0 : [...reason].length;
}

export type TLockVerdict = { ok: true; afterLock: boolean } | { ok: false; code: "pairingsLocked" } | { ok: false; code: "reasonRequired" };

/**
 * May this change go ahead? Before the lock: yes. After it: only for someone who may
 * change locked pairings (the finance office administrator), and only with a reason.
 */
export function checkPairingChange(input: { locked: boolean; mayChangeLocked: boolean; reason: string | null }): TLockVerdict {
  if (!input.locked) return { ok: true, afterLock: false };
  if (!input.mayChangeLocked) return { ok: false, code: "pairingsLocked" };
  if (reasonLength(input.reason) < CHANGE_REASON_MIN_LENGTH) return { ok: false, code: "reasonRequired" };
  return { ok: true, afterLock: true };
}
