import { describe, expect, it } from "vitest";
import { ZSaveRequest } from "@/lib/requests/schemas";
import { dateColumnToInput, fenToWanYuanInput } from "./form-values";

describe("fenToWanYuanInput", () => {
  it("shows whole and fractional 万元 without trailing zeros", () => {
    expect(fenToWanYuanInput("12000000000")).toBe("12000");
    expect(fenToWanYuanInput("1500000")).toBe("1.5");
    expect(fenToWanYuanInput("1")).toBe("0.000001");
    expect(fenToWanYuanInput("123456789")).toBe("123.456789");
  });

  it("is empty for no amount or a value that is not a fen integer", () => {
    expect(fenToWanYuanInput(null)).toBe("");
    expect(fenToWanYuanInput("-5")).toBe("");
    expect(fenToWanYuanInput("1.5")).toBe("");
  });

  it("round-trips through the form's own parser", () => {
    for (const fen of ["1500000", "987654321010000", "10000"]) {
      const parsed = ZSaveRequest.shape.amountFen.parse(fenToWanYuanInput(fen));
      expect(parsed).toBe(fen);
    }
  });

  it("shows a finer stored amount exactly, which the form then refuses instead of rounding it", () => {
    expect(ZSaveRequest.shape.amountFen.safeParse(fenToWanYuanInput("1")).error?.issues[0]?.message).toBe("tooManyDecimals");
  });
});

describe("dateColumnToInput", () => {
  it("gives the calendar day of a date column", () => {
    expect(dateColumnToInput(new Date("2026-05-09T00:00:00Z"))).toBe("2026-05-09");
    expect(dateColumnToInput(null)).toBe("");
  });
});
