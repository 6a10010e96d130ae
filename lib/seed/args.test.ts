import { describe, expect, it } from "vitest";
import { parseSeedArgs } from "./args";

describe("parseSeedArgs", () => {
  it("reads every option, with = or a separate value", () => {
    expect(
      parseSeedArgs([
        "--enterprises",
        "10000",
        "--reference-date=2026-05-20",
        "--seed",
        "x",
        "--chunk-size=500",
        "--reset",
        "--no-transaction",
      ]),
    ).toEqual({
      options: { enterprises: 10_000, referenceDate: "2026-05-20", seed: "x", chunkSize: 500 },
      reset: true,
      transaction: false,
      help: false,
    });
  });
  it("accepts 100_000 and 100,000", () => {
    expect(parseSeedArgs(["--enterprises=100_000"]).options.enterprises).toBe(100_000);
    expect(parseSeedArgs(["--enterprises", "100,000"]).options.enterprises).toBe(100_000);
  });
  it("defaults to nothing set", () => {
    expect(parseSeedArgs([])).toEqual({ options: {}, reset: false, transaction: true, help: false });
    expect(parseSeedArgs(["-h"]).help).toBe(true);
  });
  it("refuses unknown options and missing values", () => {
    expect(() => parseSeedArgs(["--enterprise", "3"])).toThrow(/unknown option/);
    expect(() => parseSeedArgs(["--enterprises"])).toThrow(/whole number/);
    expect(() => parseSeedArgs(["--enterprises", "-5"])).toThrow(/whole number/);
    expect(() => parseSeedArgs(["--reference-date"])).toThrow(/YYYY-MM-DD/);
  });
});
