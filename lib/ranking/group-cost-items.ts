import type { TIndicatorKey } from "./indicators";
import type { TCostItem } from "./queries/compute-quarter-inputs";
import type { TItemStatsRow } from "./queries/query-item-stats";

/**
 * A bank's items that cost it points, by indicator (the ones a ranking lists under each
 * indicator), and each indicator's total of such items, from its item-stats row: the same
 * for the quarterly ranking and the annual assessment.
 */
export function groupCostItems(rows: TItemStatsRow["costItems"] | undefined): {
  costItems: Partial<Record<TIndicatorKey, TCostItem[]>>;
  costItemTotals: Partial<Record<TIndicatorKey, number>>;
} {
  const costItems: Partial<Record<TIndicatorKey, TCostItem[]>> = {};
  const costItemTotals: Partial<Record<TIndicatorKey, number>> = {};
  for (const c of rows ?? []) {
    (costItems[c.indicator] ??= []).push({ requestId: c.requestId, serial: c.serial, reason: c.reason });
    costItemTotals[c.indicator] = Number(c.total);
  }
  return { costItems, costItemTotals };
}
