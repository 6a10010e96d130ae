import { describe, expect, it } from "vitest";
import { fenToWanInput, figureRowsFromForm, figureToRaw, isBlankFigureRow, parseFigureRow, wanToFen, type TRawFigureRow } from "./figures";

const PARK = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const row = (over: Partial<TRawFigureRow> = {}): TRawFigureRow => ({
  parkId: PARK,
  loanBalance: "12,345.67",
  loanIncrement: "-120.5",
  borrowers: "40",
  firstLoans: "5",
  creditLoans: "12",
  averageRate: "3.45",
  ...over,
});

describe("万元 → fen", () => {
  it("converts exactly, with separators and up to 6 decimals", () => {
    expect(wanToFen("12,345.67", { allowNegative: false })).toBe(12_345_670_000n);
    expect(wanToFen("0.000001", { allowNegative: false })).toBe(1n);
    expect(wanToFen("  1000 ", { allowNegative: false })).toBe(1_000_000_000n);
    expect(wanToFen("-120.5", { allowNegative: true })).toBe(-120_500_000n);
  });
  it("reads full-width digits and signs as typed with a Chinese input method", () => {
    expect(wanToFen("１２３４．５", { allowNegative: false })).toBe(1_234_500_000n);
    expect(wanToFen("－１２０．５", { allowNegative: true })).toBe(-120_500_000n);
  });
  it("refuses what is not an amount", () => {
    expect(wanToFen("", { allowNegative: false })).toBe("required");
    expect(wanToFen("12a", { allowNegative: false })).toBe("notNumber");
    expect(wanToFen("1e5", { allowNegative: false })).toBe("notNumber");
    expect(wanToFen("-1", { allowNegative: false })).toBe("negative");
    expect(wanToFen("1.0000001", { allowNegative: false })).toBe("tooManyDecimals");
    expect(wanToFen("12345678901", { allowNegative: false })).toBe("tooLarge");
  });
  it("shows fen back as 万元 text with at least two decimals", () => {
    expect(fenToWanInput(12_345_670_000n)).toBe("12345.67");
    expect(fenToWanInput(1n)).toBe("0.000001");
    expect(fenToWanInput(-120_500_000n)).toBe("-120.50");
    expect(fenToWanInput(0n)).toBe("0.00");
  });
});

describe("one park's figures", () => {
  it("parses a complete row", () => {
    const parsed = parseFigureRow(row());
    expect(parsed).toEqual({
      ok: true,
      value: {
        parkId: PARK,
        loanBalanceFen: 12_345_670_000n,
        loanIncrementFen: -120_500_000n,
        borrowers: 40,
        firstLoans: 5,
        creditLoans: 12,
        averageRate: "3.4500",
      },
    });
  });
  it("round-trips through the form text", () => {
    const parsed = parseFigureRow(row());
    if (!parsed.ok) throw new Error("expected ok");
    expect(parseFigureRow(figureToRaw(parsed.value))).toEqual(parsed);
  });
  it("wants whole numbers ≥ 0 for the counts", () => {
    expect(parseFigureRow(row({ borrowers: "4.5", firstLoans: "-1", creditLoans: "" }))).toEqual({
      ok: false,
      errors: { borrowers: "notInteger", firstLoans: "negative", creditLoans: "required" },
    });
  });
  it("keeps first loans and credit loans within the borrowers (equal is fine)", () => {
    expect(parseFigureRow(row({ borrowers: "10", firstLoans: "11", creditLoans: "12" }))).toEqual({
      ok: false,
      errors: { firstLoans: "firstLoansOverBorrowers", creditLoans: "creditLoansOverBorrowers" },
    });
    expect(parseFigureRow(row({ borrowers: "10", firstLoans: "10", creditLoans: "10" })).ok).toBe(true);
  });
  it("accepts a rate from 0 to 24 percent with up to 4 decimals", () => {
    const rate = (averageRate: string) => {
      const p = parseFigureRow(row({ averageRate }));
      return p.ok ? p.value.averageRate : p.errors.averageRate;
    };
    expect(rate("0")).toBe("0.0000");
    expect(rate("24")).toBe("24.0000");
    expect(rate("24.0000")).toBe("24.0000");
    expect(rate("3.85%")).toBe("3.8500");
    expect(rate("24.0001")).toBe("rateRange");
    expect(rate("25")).toBe("rateRange");
    expect(rate("-1")).toBe("rateRange");
    expect(rate("3.12345")).toBe("tooManyDecimals");
    expect(rate("abc")).toBe("notNumber");
  });
  it("needs a rate when there are borrowers, not without", () => {
    expect(parseFigureRow(row({ averageRate: "" }))).toEqual({ ok: false, errors: { averageRate: "rateRequired" } });
    const none = parseFigureRow(
      row({ borrowers: "0", firstLoans: "0", creditLoans: "0", averageRate: "", loanBalance: "0", loanIncrement: "0" }),
    );
    expect(none.ok && none.value.averageRate).toBeNull();
  });
  it("tells a wholly blank row (not filled yet) from a partly filled one", () => {
    expect(isBlankFigureRow({ parkId: PARK, loanBalance: " ", borrowers: "" })).toBe(true);
    expect(isBlankFigureRow({ parkId: PARK, borrowers: "0" })).toBe(false);
  });
});

describe("rows from a posted form", () => {
  it("collects figures.<parkId>.<field> and ignores anything else", () => {
    const other = "11111111-2222-4333-8444-555555555555";
    const rows = figureRowsFromForm({
      submissionId: "x",
      version: "v",
      [`figures.${PARK}.borrowers`]: "3",
      [`figures.${PARK}.loanBalance`]: "10",
      [`figures.${other}.averageRate`]: "4",
      [`figures.${PARK}.password`]: "nope",
      "figures.not-a-uuid.borrowers": "1",
    });
    expect(rows).toEqual([
      { parkId: PARK, borrowers: "3", loanBalance: "10" },
      { parkId: other, averageRate: "4" },
    ]);
  });
});
