import { describe, expect, it } from "vitest";
import { compareInboxItems, pageCount, pageWindows, parsePage } from "./inbox-order";

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
    expect(items.sort(compareInboxItems).map((i) => i.id)).toEqual(["red-old", "red-recent", "yellow", "normal-soon", "normal-late", "answered"]);
  });
});

describe("pageWindows", () => {
  it("fills a page from the first list, then the second", () => {
    expect(pageWindows([3, 10], 1, 5)).toEqual([{ skip: 0, take: 3 }, { skip: 0, take: 2 }]);
    expect(pageWindows([3, 10], 2, 5)).toEqual([{ skip: 3, take: 0 }, { skip: 2, take: 5 }]);
    expect(pageWindows([3, 10], 3, 5)).toEqual([{ skip: 3, take: 0 }, { skip: 7, take: 3 }]);
  });
  it("reads nothing past the end", () => {
    expect(pageWindows([3, 10], 4, 5)).toEqual([{ skip: 3, take: 0 }, { skip: 10, take: 0 }]);
  });
  it("stays within the first list when it fills the page", () => {
    expect(pageWindows([12, 4], 2, 5)).toEqual([{ skip: 5, take: 5 }, { skip: 0, take: 0 }]);
  });
});

describe("pageCount and parsePage", () => {
  it("has at least one page", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
  it("takes positive integers only", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("-2")).toBe(1);
    expect(parsePage("1.5")).toBe(1);
    expect(parsePage(["2"])).toBe(1);
    expect(parsePage(undefined)).toBe(1);
  });
});
