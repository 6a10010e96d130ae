import { describe, expect, it } from "vitest";
import { attainmentPercent, changedMeasures, checkTarget } from "./rules";

describe("checkTarget", () => {
  it("reads 万元 into fen and counts into whole numbers, full-width and separators too", () => {
    expect(checkTarget({ amount: "１２,３４５.６", borrowers: "120", firstLoans: "２０", creditLoans: "40" })).toEqual({
      value: { amountFen: 12_345_600_000n, borrowers: 120, firstLoans: 20, creditLoans: 40 },
      errors: {},
    });
  });

  it("names every field in error at once", () => {
    const { value, errors } = checkTarget({ amount: "1.234", borrowers: "", firstLoans: "-1", creditLoans: "3.5" });
    expect(value).toBeNull();
    expect(errors).toEqual({ amount: "tooManyDecimals", borrowers: "required", firstLoans: "notInteger", creditLoans: "notInteger" });
    expect(checkTarget({ amount: "0", borrowers: "1", firstLoans: "0", creditLoans: "0" }).errors).toEqual({ amount: "badAmount" });
  });

  it("refuses first loans or credit loans above the borrowers", () => {
    expect(checkTarget({ amount: "100", borrowers: "10", firstLoans: "11", creditLoans: "12" }).errors).toEqual({
      firstLoans: "overBorrowers",
      creditLoans: "overBorrowers",
    });
  });
});

describe("changedMeasures", () => {
  const t = { amountFen: 1n, borrowers: 2, firstLoans: 1, creditLoans: 1 };
  it("lists what differs, everything for a first target, nothing for the same figures", () => {
    expect(changedMeasures(null, t)).toEqual(["amount", "borrowers", "firstLoans", "creditLoans"]);
    expect(changedMeasures(t, { ...t, borrowers: 3 })).toEqual(["borrowers"]);
    expect(changedMeasures(t, { ...t })).toEqual([]);
  });
});

describe("attainmentPercent", () => {
  it("is actual ÷ target × 100 cut to 0.01, past 100 when exceeded", () => {
    expect(attainmentPercent(50n, 200n)).toBe(25);
    expect(attainmentPercent(2, 3)).toBe(66.66);
    expect(attainmentPercent(330, 300)).toBe(110);
    expect(attainmentPercent(-10n, 100n)).toBe(-10);
  });
  it("has none without a positive target", () => {
    expect(attainmentPercent(5, null)).toBeNull();
    expect(attainmentPercent(5, 0)).toBeNull();
  });
  it("divides amounts in fen exactly, however large", () => {
    expect(attainmentPercent(123_456_789_012_345n, 123_456_789_012_345n)).toBe(100);
  });
});
