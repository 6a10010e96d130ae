/**
 * What a deadline badge says, as a message key and a number, so the inbox, the
 * supervision queue and the detail page word a deadline the same way:
 *   normal → "剩余 N 个工作日", yellow → "今天到期", red → "已逾期 N 个工作日"
 * (red with no working day elapsed yet — overdue since last night, or over a weekend —
 * says just "已逾期": "已逾期 0 个工作日" would read as if nothing were late).
 */
import type { TDeadlineState } from "./deadline-state";

export type TDeadlineLabel =
  { key: "left"; days: number } | { key: "dueToday" } | { key: "overdue"; days: number } | { key: "overdueToday" };

export function deadlineLabel(state: TDeadlineState): TDeadlineLabel {
  if (state.tone === "red") {
    const days = Math.abs(state.workingDaysLeft);
    return days === 0 ? { key: "overdueToday" } : { key: "overdue", days };
  }
  if (state.tone === "yellow") return { key: "dueToday" };
  return { key: "left", days: Math.max(0, state.workingDaysLeft) };
}
