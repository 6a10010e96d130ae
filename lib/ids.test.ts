import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts a UUID in either case and refuses anything else", () => {
    expect(isUuid("1fb4de47-f675-4ce6-a72d-230ad1b05ec3")).toBe(true);
    expect(isUuid("1FB4DE47-F675-4CE6-A72D-230AD1B05EC3")).toBe(true);
    for (const bad of [
      "",
      "1fb4de47",
      "1fb4de47-f675-4ce6-a72d-230ad1b05ec3 ",
      "x1fb4de47-f675-4ce6-a72d-230ad1b05ec3",
      42,
      null,
      undefined,
      {},
    ]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});
