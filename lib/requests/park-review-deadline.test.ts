// The park review deadline on the official 2026 calendar: 2 working days after the day of
// submission, holidays skipped and 调休 Saturdays counted; its colour and escalation.
import { describe, expect, it } from "vitest";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { endOfShanghaiDay, shanghaiDateString } from "@/lib/calendar/working-days";
import { isParkReviewEscalationDue, parkReviewClock, parkReviewStart, parkReviewState } from "./park-review-deadline";

const cal = getCnOfficialCalendar();
const at = (iso: string, time = "12:00:00"): Date => new Date(`${iso}T${time}+08:00`);
const dueDay = (submitted: string, days = 2): string => {
  const { parkDueAt } = parkReviewClock(at(submitted), days, cal);
  expect(parkDueAt.getTime()).toBe(endOfShanghaiDay(shanghaiDateString(parkDueAt)).getTime());
  return shanghaiDateString(parkDueAt);
};

describe("parkReviewClock", () => {
  it("ends with the 2nd working day after the day of submission", () => {
    expect(dueDay("2026-03-02")).toBe("2026-03-04"); // Mon → Wed
    expect(dueDay("2026-03-06")).toBe("2026-03-10"); // Fri → Tue, the weekend skipped
    expect(dueDay("2026-03-02", 1)).toBe("2026-03-03");
    expect(dueDay("2026-03-02", 10)).toBe("2026-03-16");
  });

  it("skips public holidays: Labour Day 5/1–5/5 and National Day 10/1–10/7", () => {
    expect(dueDay("2026-04-30")).toBe("2026-05-07");
    expect(dueDay("2026-10-03")).toBe("2026-10-09"); // submitted during the holiday
  });

  it("counts the adjusted working Saturdays (调休 2/14, 2/28, 5/9)", () => {
    expect(dueDay("2026-02-13")).toBe("2026-02-24"); // Sat 2/14 counts, then Spring Festival 2/15–2/23
    expect(dueDay("2026-02-26")).toBe("2026-02-28"); // Fri 2/27, Sat 2/28
    expect(dueDay("2026-05-08")).toBe("2026-05-11"); // Sat 5/9, Mon 5/11
  });

  it("is provisional when it runs into a year without a published schedule", () => {
    expect(parkReviewClock(at("2026-03-02"), 2, cal).parkDueProvisional).toBe(false);
    const late = parkReviewClock(at("2026-12-30"), 2, cal);
    expect(shanghaiDateString(late.parkDueAt)).toBe("2027-01-01");
    expect(late.parkDueProvisional).toBe(true);
  });
});

describe("parkReviewStart", () => {
  it("is the overruling of a return when there was one, else the submission", () => {
    expect(parkReviewStart({ parkDeadlineStartAt: null, submittedAt: at("2026-03-02") })).toEqual(at("2026-03-02"));
    expect(parkReviewStart({ parkDeadlineStartAt: at("2026-03-09"), submittedAt: at("2026-03-02") })).toEqual(at("2026-03-09"));
    expect(parkReviewStart({ parkDeadlineStartAt: null, submittedAt: null })).toBeNull();
  });
});

describe("parkReviewState (the bank inbox's rule: yellow on the due day, red once past it)", () => {
  const due = parkReviewClock(at("2026-03-02"), 2, cal).parkDueAt; // end of Wed 3/4
  it("is normal before the due day, with the working days left", () => {
    expect(parkReviewState(due, at("2026-03-02", "15:00:00"), cal)).toEqual({ tone: "normal", workingDaysLeft: 2 });
    expect(parkReviewState(due, at("2026-03-03"), cal)).toEqual({ tone: "normal", workingDaysLeft: 1 });
  });
  it("is yellow all of the due day (Shanghai), up to 23:59:59.999", () => {
    expect(parkReviewState(due, at("2026-03-04", "00:00:00"), cal)?.tone).toBe("yellow");
    expect(parkReviewState(due, at("2026-03-04", "23:59:59.999"), cal)?.tone).toBe("yellow");
  });
  it("is red from the next day, counting overdue working days", () => {
    expect(parkReviewState(due, at("2026-03-05", "00:00:00"), cal)).toEqual({ tone: "red", workingDaysLeft: -1 });
    expect(parkReviewState(due, at("2026-03-09"), cal)).toEqual({ tone: "red", workingDaysLeft: -3 });
  });
  it("is red over a holiday without counting it", () => {
    const beforeHoliday = parkReviewClock(at("2026-04-28"), 2, cal).parkDueAt; // Thu 4/30
    expect(shanghaiDateString(beforeHoliday)).toBe("2026-04-30");
    expect(parkReviewState(beforeHoliday, at("2026-05-03"), cal)).toEqual({ tone: "red", workingDaysLeft: -0 });
    expect(parkReviewState(beforeHoliday, at("2026-05-06"), cal)).toEqual({ tone: "red", workingDaysLeft: -1 });
  });
  it("is null for an item without a review deadline", () => {
    expect(parkReviewState(null, at("2026-03-04"), cal)).toBeNull();
  });
});

describe("isParkReviewEscalationDue", () => {
  const due = parkReviewClock(at("2026-03-02"), 2, cal).parkDueAt;
  it("with escalateAfterDays 0, as soon as the deadline has passed", () => {
    expect(isParkReviewEscalationDue(due, 0, at("2026-03-04", "23:59:59.999"), cal)).toBe(false);
    expect(isParkReviewEscalationDue(due, 0, at("2026-03-05", "00:00:00"), cal)).toBe(true);
  });
  it("with escalateAfterDays n, after n more working days (holidays not counted)", () => {
    expect(isParkReviewEscalationDue(due, 1, at("2026-03-05"), cal)).toBe(false);
    expect(isParkReviewEscalationDue(due, 1, at("2026-03-06", "00:00:00"), cal)).toBe(true);
    const beforeHoliday = parkReviewClock(at("2026-04-28"), 2, cal).parkDueAt; // Thu 4/30
    expect(isParkReviewEscalationDue(beforeHoliday, 1, at("2026-05-05"), cal)).toBe(false);
    expect(isParkReviewEscalationDue(beforeHoliday, 1, at("2026-05-06", "23:00:00"), cal)).toBe(false);
    expect(isParkReviewEscalationDue(beforeHoliday, 1, at("2026-05-07"), cal)).toBe(true);
  });
  it("reads a negative rule as 0", () => {
    expect(isParkReviewEscalationDue(due, -3, at("2026-03-05", "00:00:00"), cal)).toBe(true);
  });
});
