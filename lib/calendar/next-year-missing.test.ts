import { describe, expect, it } from "vitest";
import { nextYearMissing } from "./next-year-missing";

const PUBLISHED = [2025, 2026];

describe("nextYearMissing", () => {
  it("does not warn on 31 October (Shanghai)", () => {
    expect(nextYearMissing(new Date("2026-10-31T12:00:00+08:00"), PUBLISHED)).toBeNull();
  });

  it("warns about next year from 1 November (Shanghai)", () => {
    expect(nextYearMissing(new Date("2026-11-01T09:00:00+08:00"), PUBLISHED)).toBe(2027);
    expect(nextYearMissing(new Date("2026-12-31T23:59:59+08:00"), PUBLISHED)).toBe(2027);
  });

  it("stops once next year is published", () => {
    expect(nextYearMissing(new Date("2026-11-27T10:00:00+08:00"), [...PUBLISHED, 2027])).toBeNull();
    expect(nextYearMissing(new Date("2026-11-27T10:00:00+08:00"), new Set([2026, 2027]))).toBeNull();
  });

  it("turns at Shanghai midnight, not UTC midnight", () => {
    // 2026-11-01 00:00 Shanghai = 2026-10-31 16:00 UTC
    expect(nextYearMissing(new Date("2026-10-31T15:59:59.999Z"), PUBLISHED)).toBeNull();
    expect(nextYearMissing(new Date("2026-10-31T16:00:00.000Z"), PUBLISHED)).toBe(2027);
    // still 31 October in UTC terms would say "no" for the whole Shanghai morning of 1 Nov
    expect(nextYearMissing(new Date("2026-10-31T23:00:00Z"), PUBLISHED)).toBe(2027);
  });

  it("keeps warning after New Year while the (now current) year is still missing", () => {
    expect(nextYearMissing(new Date("2026-12-31T16:00:00Z"), PUBLISHED)).toBe(2027); // 2027-01-01 00:00 Shanghai
    expect(nextYearMissing(new Date("2027-03-01T10:00:00+08:00"), PUBLISHED)).toBe(2027);
    expect(nextYearMissing(new Date("2027-03-01T10:00:00+08:00"), [2027])).toBeNull();
  });

  it("refuses an invalid date", () => {
    expect(() => nextYearMissing(new Date("nope"), PUBLISHED)).toThrow(TypeError);
  });
});
