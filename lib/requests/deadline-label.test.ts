import { describe, expect, it } from "vitest";
import { deadlineLabel } from "./deadline-label";

describe("deadlineLabel", () => {
  it("counts the working days left while the deadline is ahead", () => {
    expect(deadlineLabel({ tone: "normal", workingDaysLeft: 3 })).toEqual({ key: "left", days: 3 });
  });
  it("says due today on the due day", () => {
    expect(deadlineLabel({ tone: "yellow", workingDaysLeft: 0 })).toEqual({ key: "dueToday" });
  });
  it("counts working days overdue as a positive number", () => {
    expect(deadlineLabel({ tone: "red", workingDaysLeft: -2 })).toEqual({ key: "overdue", days: 2 });
  });
  it("says just overdue before a whole working day has passed", () => {
    expect(deadlineLabel({ tone: "red", workingDaysLeft: 0 })).toEqual({ key: "overdueToday" });
  });
});
