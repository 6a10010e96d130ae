/**
 * The order of a bank's inbox.
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
