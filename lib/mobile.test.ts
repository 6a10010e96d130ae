import { describe, expect, it } from "vitest";
import { compactMobile, parseMobile } from "./mobile";

describe("mobile numbers", () => {
  it("removes separators, the country prefix and full-width digits", () => {
    for (const typed of [
      "13812345678",
      "138 1234 5678",
      "138-1234-5678",
      "(138)12345678",
      "+86 138 1234 5678",
      "0086-138-1234-5678",
      "１３８１２３４５６７８",
    ]) {
      expect(compactMobile(typed)).toBe("13812345678");
      expect(parseMobile(typed)).toBe("13812345678");
    }
  });

  it("refuses what is not a mainland mobile number", () => {
    for (const typed of ["", "1381234567", "138123456789", "12812345678", "0731-12345678", "+1 415 555 0100", "abc"]) {
      expect(parseMobile(typed)).toBeNull();
    }
  });
});
