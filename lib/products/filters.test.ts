import { describe, expect, it } from "vitest";
import { isFiltered, parseProductFilters, productFilterValues, productListQuery, wanToFenText } from "./filters";

const BANK = "0F6D4A5E-3F5B-4C86-9A63-6F0D9A3B2C11";

describe("parseProductFilters", () => {
  it("reads every filter from the URL", () => {
    expect(
      parseProductFilters({ kind: "科技贷", bank: BANK, amount: "150.5", term: "12", security: "credit", q: " 高新 ", page: "3" }),
    ).toEqual({
      kind: "科技贷",
      bankOrgId: BANK.toLowerCase(),
      amountFen: "150500000",
      termMonths: 12,
      security: "credit",
      q: "高新",
      page: 3,
    });
  });

  it("ignores what does not parse instead of failing", () => {
    expect(parseProductFilters({ kind: "高利贷", bank: "x", amount: "abc", term: "0", security: "maybe", page: "-2" })).toEqual({
      kind: null,
      bankOrgId: null,
      amountFen: null,
      termMonths: null,
      security: null,
      q: "",
      page: 1,
    });
    expect(parseProductFilters({ amount: "0", term: "361", page: "99999" })).toMatchObject({
      amountFen: null,
      termMonths: null,
      page: 1000,
    });
  });

  it("takes the first of repeated parameters and caps the search text", () => {
    expect(parseProductFilters({ kind: ["首贷", "信用贷"], q: "企".repeat(100) })).toMatchObject({ kind: "首贷", q: "企".repeat(40) });
  });
});

describe("wanToFenText", () => {
  it("converts 万元 with up to two decimals to fen, exactly", () => {
    expect(wanToFenText("1")).toBe("1000000");
    expect(wanToFenText("0.01")).toBe("10000");
    expect(wanToFenText("1,000.5")).toBe("1000500000");
    expect(wanToFenText("1.234")).toBeNull();
    expect(wanToFenText("-1")).toBeNull();
    expect(wanToFenText(undefined)).toBeNull();
  });
});

describe("the filters back into the URL", () => {
  it("round-trips through the query string, without empty values or page 1", () => {
    const filters = parseProductFilters({ kind: "首贷", amount: "50.50", term: "6", q: "小微" });
    const query = productListQuery(filters, 1);
    expect(query).toBe(new URLSearchParams({ kind: "首贷", amount: "50.5", term: "6", q: "小微" }).toString());
    expect(parseProductFilters(Object.fromEntries(new URLSearchParams(productListQuery(filters, 2))))).toEqual({ ...filters, page: 2 });
  });

  it("shows the amount as the user would type it", () => {
    expect(productFilterValues(parseProductFilters({ amount: "500" })).amount).toBe("500");
    expect(productFilterValues(parseProductFilters({ amount: "0.5" })).amount).toBe("0.5");
  });

  it("knows when the catalogue is narrowed", () => {
    expect(isFiltered(parseProductFilters({ page: "2" }))).toBe(false);
    expect(isFiltered(parseProductFilters({ security: "secured" }))).toBe(true);
  });
});
