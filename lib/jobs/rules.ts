/** Pure rules of the job queue: retries, stale locks, the periodic slots. */
import { maskFreeText } from "@/lib/privacy/mask-free-text";

/** A job that fails this many times in all is FAILED and no longer retried. */
export const MAX_ATTEMPTS = 5;

/** How often a worker renews the locks of the jobs it holds while it runs them. */
export const HEARTBEAT_MS = 30_000;

/**
 * A RUNNING job whose lock was not renewed for this long belongs to a dead worker: six
 * heartbeats missed, so a slow database round trip or a busy event loop is not mistaken
 * for death, while a crashed worker's job waits minutes, not the old ten.
 */
export const STALE_LOCK_MS = 3 * 60_000;

/** How long a stopping worker waits for the job in hand before it gives the job back. */
export const SHUTDOWN_GRACE_MS = 20_000;

/** How often the deadline scan runs; one job per slot, whatever the number of instances. */
export const DEADLINE_SCAN_SLOT_MS = 5 * 60_000;

/** How often the ledger's integrity check runs (lib/ledger/mutations/check-ledger-integrity.ts). */
export const LEDGER_CHECK_SLOT_MS = 60 * 60_000;

/** DONE jobs are deleted after this long (FAILED ones stay for inspection). */
export const KEEP_DONE_JOBS_MS = 30 * 86_400_000;

/** Wait before attempt n+1 after the n-th attempt failed: 30 s, 2 min, 8 min, 32 min … (max 2 h). */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(30_000 * 4 ** (n - 1), 2 * 3_600_000);
}

/** Start of the 5-minute slot `now` falls in. */
export function deadlineScanSlot(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DEADLINE_SCAN_SLOT_MS) * DEADLINE_SCAN_SLOT_MS);
}

export function deadlineScanDedupeKey(now: Date): string {
  return `deadline.scan:${deadlineScanSlot(now).toISOString()}`;
}

/** What is kept of an error in Job.lastError (shown to the finance administrator): personal data masked. */
export function errorText(error: unknown): string {
  const text = maskFreeText(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}

/** Start of the hour-long slot `now` falls in, and the ledger check's key for it. */
export function ledgerCheckSlot(now: Date): Date {
  return new Date(Math.floor(now.getTime() / LEDGER_CHECK_SLOT_MS) * LEDGER_CHECK_SLOT_MS);
}

export function ledgerCheckDedupeKey(now: Date): string {
  return `ledger.check:${ledgerCheckSlot(now).toISOString()}`;
}
