import { describe, expect, it } from "vitest";
import { createWorkingCalendar, endOfShanghaiDay } from "@/lib/calendar/working-days";
import { deadlineState } from "./deadline-state";

// 2026 National Day (国办发明电〔2025〕7号): 1–7 October off, Sunday 20 September and
// Saturday 10 October adjusted working days.
const calendar = createWorkingCalendar({
  holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
  publishedYears: [2026],
});
const at = (iso: string) => new Date(iso);

describe("deadlineState", () => {
  const due = endOfShanghaiDay("2026-10-12"); // Monday

  it("is normal before the due day, counting working days across the holiday", () => {
    // Wednesday 30 September, 10:00 Shanghai: the working days after it up to 12 October are
    // 8, 9, 10 (Saturday, adjusted) and 12 — the holiday week counts for nothing.
    expect(deadlineState(due, at("2026-09-30T02:00:00Z"), calendar)).toEqual({ tone: "normal", workingDaysLeft: 4 });
  });

  it("turns yellow on the due day itself", () => {
    expect(deadlineState(due, at("2026-10-12T01:00:00Z"), calendar)).toEqual({ tone: "yellow", workingDaysLeft: 0 });
  });

  it("turns red the moment the due day ends, and counts working days overdue", () => {
    expect(deadlineState(due, new Date(due.getTime() + 1), calendar).tone).toBe("red");
    expect(deadlineState(due, at("2026-10-14T02:00:00Z"), calendar)).toEqual({ tone: "red", workingDaysLeft: -2 });
  });
});
