import { describe, expect, it } from "vitest";
import { ZSaveRequest } from "@/lib/requests/schemas";
import { normalizeSaveRequestForm } from "./save-form";

const base = { type: "FINANCING", title: "流动资金贷款", description: "采购原材料" };

describe("normalizeSaveRequestForm", () => {
  it("turns one ticked checkbox, several, or none into a list", () => {
    expect(normalizeSaveRequestForm({ ...base, preferredProducts: "信用贷" })).toMatchObject({ preferredProducts: ["信用贷"] });
    expect(normalizeSaveRequestForm({ ...base, preferredProducts: ["信用贷", "科技贷"] })).toMatchObject({
      preferredProducts: ["信用贷", "科技贷"],
    });
    expect(normalizeSaveRequestForm(base)).toMatchObject({ preferredProducts: [] });
  });

  it("adds the products typed in the other box, split on Chinese and Latin separators, without duplicates", () => {
    const out = normalizeSaveRequestForm({
      ...base,
      preferredProducts: "信用贷",
      preferredProductsOther: " 应急转贷，信用贷、 供应链融资 ,,",
    });
    expect(out).toMatchObject({ preferredProducts: ["信用贷", "应急转贷", "供应链融资"] });
    expect(out).not.toHaveProperty("preferredProductsOther");
  });

  it("drops an empty requestId and version so a new item is created, keeps real ones", () => {
    const fresh = normalizeSaveRequestForm({ ...base, requestId: "", version: "" }) as Record<string, unknown>;
    expect(fresh).not.toHaveProperty("requestId");
    expect(fresh).not.toHaveProperty("version");
    const id = "0b7e6f8c-1d2e-4f3a-9b8c-7d6e5f4a3b2c";
    expect(normalizeSaveRequestForm({ ...base, requestId: id, version: "3" })).toMatchObject({ requestId: id, version: "3" });
  });

  it("yields what ZSaveRequest accepts, and leaves non-objects to the schema to refuse", () => {
    const parsed = ZSaveRequest.parse(normalizeSaveRequestForm({ ...base, amountFen: "150.5", preferredProducts: "信用贷", submit: "on" }));
    expect(parsed).toMatchObject({ amountFen: "150500000", preferredProducts: ["信用贷"], submit: true });
    expect(normalizeSaveRequestForm("x")).toBe("x");
    expect(ZSaveRequest.safeParse(normalizeSaveRequestForm(null)).success).toBe(false);
  });
});
