import { describe, expect, it } from "vitest";
import { parseRequestListFilters, requestListQuery } from "./list-filters";

describe("parseRequestListFilters", () => {
  it("reads known statuses and types, a trimmed search and the page's cursor", () => {
    expect(parseRequestListFilters({ status: "SUBMITTED", type: "FINANCING", q: "  RQ2026-0001 ", after: "WzAsIngiXQ" })).toEqual({
      status: "SUBMITTED",
      type: "FINANCING",
      q: "RQ2026-0001",
      cursor: { direction: "after", token: "WzAsIngiXQ" },
    });
    expect(parseRequestListFilters({ before: "WzAsIngiXQ" }).cursor).toEqual({ direction: "before", token: "WzAsIngiXQ" });
  });

  it("ignores unknown values and inherited property names instead of failing", () => {
    expect(parseRequestListFilters({ status: "HACKED", type: "toString", page: "-2" })).toEqual({
      status: null,
      type: null,
      q: "",
      cursor: null,
    });
    expect(parseRequestListFilters({ after: "" }).cursor).toBeNull();
  });

  it("takes the first of repeated parameters, caps the search and the cursor", () => {
    const f = parseRequestListFilters({ status: ["DRAFT", "CLOSED"], q: "长".repeat(100), after: ["a".repeat(5000), "b"] });
    expect(f.status).toBe("DRAFT");
    expect(f.q.length).toBe(64);
    // Longer than any cursor: kept short, and it will not decode (the first page).
    expect(f.cursor?.token.length).toBeLessThanOrEqual(1001);
  });
});

describe("bank, park and overdue filters", () => {
  const bank = "0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3";
  it("accepts ids and the overdue flag, and ignores anything else", () => {
    expect(parseRequestListFilters({ bank, park: bank.toUpperCase(), overdue: "1" })).toMatchObject({ bank, park: bank, overdue: true });
    const junk = parseRequestListFilters({ bank: "1 OR 1=1", park: "x", overdue: "yes" });
    expect(junk.bank ?? null).toBeNull();
    expect(junk.park ?? null).toBeNull();
    expect(junk.overdue ?? false).toBe(false);
  });

  it("keeps them in the query string of another page", () => {
    expect(requestListQuery(parseRequestListFilters({ bank, overdue: "1" }), { direction: "after", token: "abc" })).toBe(
      `bank=${bank}&overdue=1&after=abc`,
    );
  });
});

describe("requestListQuery", () => {
  it("keeps the filters and leaves out empty values and the first page's cursor", () => {
    const f = parseRequestListFilters({ status: "RETURNED", q: "贷款", after: "old" });
    expect(requestListQuery(f)).toBe("status=RETURNED&q=%E8%B4%B7%E6%AC%BE");
    expect(requestListQuery(f, { direction: "before", token: "xyz" })).toBe("status=RETURNED&q=%E8%B4%B7%E6%AC%BE&before=xyz");
    expect(requestListQuery(parseRequestListFilters({}))).toBe("");
  });
});
