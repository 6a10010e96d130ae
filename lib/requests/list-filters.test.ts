import { describe, expect, it } from "vitest";
import { parseRequestListFilters, requestListQuery } from "./list-filters";

describe("parseRequestListFilters", () => {
  it("reads known statuses and types, a trimmed search and the page", () => {
    expect(parseRequestListFilters({ status: "SUBMITTED", type: "FINANCING", q: "  RQ2026-0001 ", page: "3" })).toEqual({
      status: "SUBMITTED", type: "FINANCING", q: "RQ2026-0001", page: 3,
    });
  });

  it("ignores unknown values and inherited property names instead of failing", () => {
    expect(parseRequestListFilters({ status: "HACKED", type: "toString", page: "-2" })).toEqual({ status: null, type: null, q: "", page: 1 });
    expect(parseRequestListFilters({ page: "abc" }).page).toBe(1);
  });

  it("takes the first of repeated parameters, caps the search and the page", () => {
    const f = parseRequestListFilters({ status: ["DRAFT", "CLOSED"], q: "长".repeat(100), page: "999999999" });
    expect(f.status).toBe("DRAFT");
    expect(f.q.length).toBe(64);
    expect(f.page).toBe(10_000);
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
    expect(requestListQuery(parseRequestListFilters({ bank, overdue: "1" }), 2)).toBe(`bank=${bank}&overdue=1&page=2`);
  });
});

describe("requestListQuery", () => {
  it("keeps the filters and leaves out empty values and page 1", () => {
    const f = parseRequestListFilters({ status: "RETURNED", q: "贷款" });
    expect(requestListQuery(f, 1)).toBe("status=RETURNED&q=%E8%B4%B7%E6%AC%BE");
    expect(requestListQuery(f, 2)).toBe("status=RETURNED&q=%E8%B4%B7%E6%AC%BE&page=2");
    expect(requestListQuery(parseRequestListFilters({}), 1)).toBe("");
  });
});
