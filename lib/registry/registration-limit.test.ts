import { describe, expect, it } from "vitest";
import { REGISTRATION_LIMIT, isOverRegistrationLimit, registrationWindowStart } from "./registration-limit";

describe("registration limit", () => {
  it("allows up to the limit per address and refuses beyond it", () => {
    expect(isOverRegistrationLimit(REGISTRATION_LIMIT.perAddress - 1)).toBe(false);
    expect(isOverRegistrationLimit(REGISTRATION_LIMIT.perAddress)).toBe(true);
  });

  it("counts the last hour", () => {
    expect(registrationWindowStart(new Date("2026-11-27T10:00:00Z")).toISOString()).toBe("2026-11-27T09:00:00.000Z");
  });
});
