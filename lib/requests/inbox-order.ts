/**
 * The order of a bank's inbox and how one page spans its two parts.
 *
 * Rule: red (overdue) first, then yellow, then the rest, each by dueAt (earliest first);
 * items whose reply clock no longer runs (answered recently) come last. While the clock
 * runs, red ⇔ dueAt < now, so ordering the running part by dueAt in the database gives
 * the same order; `compareInboxItems` states the rule and re-sorts each page.
 */
import type { TDeadlineState, TDeadlineTone } from "./deadline-state";

const TONE_RANK: Record<TDeadlineTone, number> = { red: 0, yellow: 1, normal: 2 };

export type TInboxSortable = { deadline: TDeadlineState | null; dueAt: Date | null };

export function compareInboxItems(a: TInboxSortable, b: TInboxSortable): number {
  const rank = (x: TInboxSortable) => (x.deadline ? TONE_RANK[x.deadline.tone] : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const due = (x: TInboxSortable) => x.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (due(a) === due(b)) return 0;
  return due(a) < due(b) ? -1 : 1;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page number from a URL: an integer ≥ 1, anything else is page 1. */
export function parsePage(raw: unknown): number {
  const n = typeof raw === "string" ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/**
 * One page over lists shown one after the other (running items, then answered ones):
 * the skip/take to read from each list, given each list's total.
 */
export function pageWindows(totals: readonly number[], page: number, pageSize: number): { skip: number; take: number }[] {
  let start = (Math.max(1, page) - 1) * pageSize;
  let remaining = pageSize;
  return totals.map((total) => {
    const skip = Math.min(start, total);
    const take = Math.max(0, Math.min(remaining, total - skip));
    start = Math.max(0, start - total);
    remaining -= take;
    return { skip, take };
  });
}
