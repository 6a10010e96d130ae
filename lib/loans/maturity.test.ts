import { describe, expect, it } from "vitest";
import { defaultMaturity } from "./maturity";

describe("defaultMaturity", () => {
  it("adds calendar months", () => {
    expect(defaultMaturity("2026-03-15", 12)).toBe("2027-03-15");
    expect(defaultMaturity("2026-11-30", 3)).toBe("2027-02-28");
    expect(defaultMaturity("2027-12-31", 2)).toBe("2028-02-29");
    expect(defaultMaturity("2026-01-31", 1)).toBe("2026-02-28");
  });
});
