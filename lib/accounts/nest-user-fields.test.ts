import { describe, expect, it } from "vitest";
import { ZCreateOrganizationForm, nestUserFields } from "./schemas";

describe("nestUserFields", () => {
  it("nests the user.* fields and keeps the others", () => {
    expect(nestUserFields({ name: "A", "user.account": "a1" })).toEqual({ name: "A", user: { account: "a1" } });
  });

  it("keeps a field named __proto__ as a field: the result's prototype stays Object's", () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "name": "A"}') as Record<string, unknown>;
    const out = nestUserFields(raw) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.polluted).toBeUndefined();
    expect(ZCreateOrganizationForm.safeParse(raw).success).toBe(false);
  });
});
