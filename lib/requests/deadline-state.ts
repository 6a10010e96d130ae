/**
 * The colour of a running reply deadline, as the bank inbox, the supervision queue and the
 * deadline job all judge it (one definition, so a yellow item in the inbox is the one
 * that got the "last working day" notification):
 *   - red: now is past dueAt (overdue);
 *   - yellow: today (Asia/Shanghai) is the due day — the last working day;
 *   - normal: otherwise.
 * `workingDaysLeft` counts working days after today up to the due day (0 on the due day);
 * when overdue it is negative: −(working days since the due day).
 */
import { shanghaiDateString, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

export type TDeadlineTone = "normal" | "yellow" | "red";
export type TDeadlineState = { tone: TDeadlineTone; workingDaysLeft: number };

export function deadlineState(dueAt: Date, now: Date, calendar: WorkingCalendar): TDeadlineState {
  if (now.getTime() > dueAt.getTime()) return { tone: "red", workingDaysLeft: -workingDaysBetween(dueAt, now, calendar) };
  const left = workingDaysBetween(now, dueAt, calendar);
  return { tone: shanghaiDateString(now) === shanghaiDateString(dueAt) ? "yellow" : "normal", workingDaysLeft: left };
}
