import { describe, expect, it } from "vitest";
import { toPlain } from "./action";

describe("a posted form turned into the action's plain input", () => {
  it("keeps a field named __proto__ as a field, so it cannot replace the object's prototype", () => {
    const form = new FormData();
    form.append("__proto__", new File(["x"], "x.pdf"));
    form.append("name", "融桥");
    form.append("tags", "a");
    form.append("tags", "b");
    form.append("$ACTION_ID_abc", "");
    const plain = toPlain(form) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.hasOwn(plain, "__proto__")).toBe(true);
    expect(plain.name).toBe("融桥");
    expect(plain.tags).toEqual(["a", "b"]);
    expect(Object.keys(plain)).toEqual(["__proto__", "name", "tags"]);
  });

  it("passes anything that is not a form through unchanged", () => {
    const value = { a: 1 };
    expect(toPlain(value)).toBe(value);
    expect(toPlain(null)).toBe(null);
  });
});
