/**
 * The quarters a dashboard talks about: the running one ("this quarter") and the last
 * complete one (whose submissions are due and whose ranking is drafted). Pure.
 */
import { quarterWindow, type TQuarterWindow } from "@/lib/ranking/quarter-window";
import { lastEndedQuarter, quarterOf, quarterParam } from "@/lib/submissions/quarter";

export type TDashboardPeriod = { current: TQuarterWindow; lastEnded: TQuarterWindow };

export function dashboardPeriod(now: Date): TDashboardPeriod {
  const c = quarterOf(now);
  const l = lastEndedQuarter(now);
  return { current: quarterWindow(c.year, c.quarter), lastEnded: quarterWindow(l.year, l.quarter) };
}

/** "2026-Q3", the form /submissions?quarter= reads. */
export const quarterKeyParam = (w: TQuarterWindow) => quarterParam({ year: w.year, quarter: w.quarter });
