import { describe, expect, it } from "vitest";
import { compareInboxItems } from "./inbox-order";

const at = (iso: string) => new Date(iso);

describe("compareInboxItems", () => {
  it("puts red first, then yellow, then normal, then items without a running deadline, each by dueAt", () => {
    const items = [
      { id: "answered", deadline: null, dueAt: at("2026-05-01T00:00:00Z") },
      { id: "normal-late", deadline: { tone: "normal" as const, workingDaysLeft: 4 }, dueAt: at("2026-05-12T15:59:59Z") },
      { id: "red-recent", deadline: { tone: "red" as const, workingDaysLeft: -1 }, dueAt: at("2026-05-06T15:59:59Z") },
      { id: "yellow", deadline: { tone: "yellow" as const, workingDaysLeft: 0 }, dueAt: at("2026-05-07T15:59:59Z") },
      { id: "normal-soon", deadline: { tone: "normal" as const, workingDaysLeft: 1 }, dueAt: at("2026-05-08T15:59:59Z") },
      { id: "red-old", deadline: { tone: "red" as const, workingDaysLeft: -5 }, dueAt: at("2026-04-28T15:59:59Z") },
    ];
    expect(items.sort(compareInboxItems).map((i) => i.id)).toEqual([
      "red-old",
      "red-recent",
      "yellow",
      "normal-soon",
      "normal-late",
      "answered",
    ]);
  });
});
