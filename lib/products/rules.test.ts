import { describe, expect, it } from "vitest";
import { PRODUCT_KINDS as SEEDED_KINDS } from "@/lib/seed/catalog";
import { describeRange, isCreditProduct, isProductKind, PRODUCT_KINDS, rateOverLprText } from "./rules";

describe("rateOverLprText", () => {
  it("writes basis points over the LPR as a signed percentage with two decimals", () => {
    expect(rateOverLprText(-20)).toBe("LPR − 0.20%");
    expect(rateOverLprText(80)).toBe("LPR + 0.80%");
    expect(rateOverLprText(0)).toBe("LPR");
    expect(rateOverLprText(5)).toBe("LPR + 0.05%");
    expect(rateOverLprText(-135)).toBe("LPR − 1.35%");
    expect(rateOverLprText(1500)).toBe("LPR + 15.00%");
  });

  it("refuses a fraction of a basis point rather than rounding it", () => {
    expect(() => rateOverLprText(1.5)).toThrow(RangeError);
  });
});

describe("describeRange", () => {
  it("names the sentence a min–max pair needs", () => {
    expect(describeRange(10, 500)).toEqual({ kind: "between", min: 10, max: 500 });
    expect(describeRange(12, 12)).toEqual({ kind: "exact", value: 12 });
    expect(describeRange(50, null)).toEqual({ kind: "atLeast", min: 50 });
    expect(describeRange(null, 300)).toEqual({ kind: "atMost", max: 300 });
    expect(describeRange(null, null)).toEqual({ kind: "none" });
  });

  it("compares with the given equality (fen strings)", () => {
    expect(describeRange("100", "100", (a, b) => a === b)).toEqual({ kind: "exact", value: "100" });
  });
});

describe("product kinds", () => {
  it("include every kind the demo data uses, so seeded products can be edited", () => {
    for (const def of SEEDED_KINDS) expect(isProductKind(def.kind), def.kind).toBe(true);
    expect(PRODUCT_KINDS).toContain("其他");
    expect(isProductKind("高利贷")).toBe(false);
    expect(isProductKind(undefined)).toBe(false);
  });
});

describe("isCreditProduct", () => {
  it("is a 信用贷 or a product whose collateral offers 信用", () => {
    expect(isCreditProduct({ kind: "信用贷", collateral: null })).toBe(true);
    expect(isCreditProduct({ kind: "科技贷", collateral: "知识产权质押、信用" })).toBe(true);
    expect(isCreditProduct({ kind: "应收账款融资", collateral: "应收账款质押" })).toBe(false);
    expect(isCreditProduct({ kind: "抵押贷", collateral: null })).toBe(false);
  });
});
