import { describe, expect, it } from "vitest";
import { ZRegistrationInput } from "./schemas";

describe("the registration form's schema", () => {
  it("answers a validation failure, not a thrown error, when the input is no object at all", () => {
    for (const input of [null, undefined, 42, "注册", [], true]) {
      const result = ZRegistrationInput.safeParse(input);
      expect(result.success).toBe(false);
    }
  });

  it("still reports a weak password alongside other fields' errors", () => {
    const result = ZRegistrationInput.safeParse({ password: "abc", confirmPassword: "abc" });
    expect(result.error?.issues.some((i) => i.path.join(".") === "password")).toBe(true);
    expect(result.error?.issues.some((i) => i.path.join(".") === "uscc")).toBe(true);
  });
});
