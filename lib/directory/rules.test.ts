import { describe, expect, it } from "vitest";
import { contactFor, latestContactPerBank, pickDirectoryYear } from "./rules";

describe("pickDirectoryYear", () => {
  it("takes the latest year that has begun, else the earliest planned one", () => {
    expect(pickDirectoryYear([2025, 2026, 2027], 2026)).toBe(2026);
    expect(pickDirectoryYear([2024, 2025], 2026)).toBe(2025);
    expect(pickDirectoryYear([2028, 2027], 2026)).toBe(2027);
    expect(pickDirectoryYear([], 2026)).toBeNull();
  });
});

describe("current contact", () => {
  const c = (bankOrgId: string, effectiveOn: string, filedAt: string, name: string) => ({ bankOrgId, effectiveOn, filedAt, name });
  const contacts = [
    c("head", "2026-01-05", "2026-01-05T01:00:00Z", "旧联络员"),
    c("head", "2026-03-02", "2026-03-03T01:00:00Z", "新联络员"),
    c("head", "2026-03-02", "2026-03-04T01:00:00Z", "更正后的联络员"),
    c("head", "2026-09-01", "2026-03-05T01:00:00Z", "未来联络员"),
    c("other", "2026-02-01", "2026-02-01T01:00:00Z", "他行联络员"),
  ];

  it("is the latest in effect, later filing first on the same day, never a future one", () => {
    const latest = latestContactPerBank(contacts, "2026-06-01");
    expect(latest.get("head")?.name).toBe("更正后的联络员");
    expect(latestContactPerBank(contacts, "2026-02-01").get("head")?.name).toBe("旧联络员");
    expect(latestContactPerBank(contacts, "2026-01-01").get("head")).toBeUndefined();
  });

  it("falls back to the nearest parent bank's contact", () => {
    const latest = latestContactPerBank(contacts, "2026-06-01");
    const parentOf = new Map<string, string | null>([
      ["sub", "branch"],
      ["branch", "head"],
      ["head", null],
      ["lonely", null],
    ]);
    expect(contactFor("sub", latest, parentOf)).toEqual({ contact: latest.get("head"), fromBankOrgId: "head" });
    expect(contactFor("head", latest, parentOf)?.fromBankOrgId).toBe("head");
    expect(contactFor("lonely", latest, parentOf)).toBeNull();
  });

  it("does not loop on a cycle in bad data", () => {
    const parentOf = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect(contactFor("a", new Map(), parentOf)).toBeNull();
  });
});
