import { describe, expect, it } from "vitest";
import { createWorkingCalendar, endOfShanghaiDay } from "@/lib/calendar/working-days";
import { documentsDueAt, documentsOverdue, documentsReminder } from "./documents-deadline";

// 2026 National Day: 1–7 October off, Saturday 10 October an adjusted working day.
const calendar = createWorkingCalendar({
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
  publishedYears: [2026],
});
const at = (iso: string) => new Date(iso);
// Wednesday 30 September, 10:00 Shanghai: the bank answers 需补充材料.
const ANSWERED = at("2026-09-30T02:00:00Z");

describe("the enterprise's documents limit", () => {
  it("counts working days after the answer on the holiday calendar, like the reply deadline", () => {
    // 8, 9 and 10 October (a Saturday worked): the holiday week counts for nothing.
    expect(documentsDueAt(ANSWERED, 3, calendar)).toEqual(endOfShanghaiDay("2026-10-10"));
    expect(documentsDueAt(ANSWERED, 10, calendar)).toEqual(endOfShanghaiDay("2026-10-20"));
  });

  it("reminds when two working days remain and on the last one, never after the limit", () => {
    const due = documentsDueAt(ANSWERED, 3, calendar);
    expect(documentsReminder(due, ANSWERED, calendar)).toBeNull();
    // In the holiday week three working days (8, 9, 10) are still ahead: not yet.
    expect(documentsReminder(due, at("2026-10-04T02:00:00Z"), calendar)).toBeNull();
    expect(documentsReminder(due, at("2026-10-08T02:00:00Z"), calendar)).toBe("soon");
    expect(documentsReminder(due, at("2026-10-10T02:00:00Z"), calendar)).toBe("lastDay");
    expect(documentsReminder(due, at("2026-10-11T02:00:00Z"), calendar)).toBeNull();
  });

  it("is past strictly after the limit's instant", () => {
    const due = documentsDueAt(ANSWERED, 3, calendar);
    expect(documentsOverdue(due, due)).toBe(false);
    expect(documentsOverdue(due, new Date(due.getTime() + 1))).toBe(true);
  });
});
