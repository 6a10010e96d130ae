import { describe, expect, it } from "vitest";
import { ZCreateProductInput, ZProductIdInput, ZUpdateProductInput } from "./schemas";

const base = { name: " 科技成长贷 ", kind: "科技贷", howToApply: "园区窗口受理" };
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("ZCreateProductInput", () => {
  it("turns 万元 into fen BigInt, months and basis points into integers, blanks into null", () => {
    const parsed = ZCreateProductInput.parse({
      ...base,
      minAmount: "10",
      maxAmount: "1,500.5",
      minTermMonths: "6",
      maxTermMonths: "36",
      minRateBp: "−20",
      maxRateBp: "+80",
      collateral: "",
      targets: "高新技术企业",
      bankOrgId: "",
    });
    expect(parsed.bankOrgId).toBeUndefined();
    expect(parsed.values).toEqual({
      name: "科技成长贷",
      kind: "科技贷",
      minAmountFen: 10_000_000n,
      maxAmountFen: 1_500_500_000n,
      minTermMonths: 6,
      maxTermMonths: 36,
      minRateBpOverLpr: -20,
      maxRateBpOverLpr: 80,
      collateral: null,
      targets: "高新技术企业",
      howToApply: "园区窗口受理",
    });
  });

  it("leaves every range open when nothing is given", () => {
    const { values } = ZCreateProductInput.parse(base);
    expect(values).toMatchObject({
      minAmountFen: null,
      maxAmountFen: null,
      minTermMonths: null,
      maxTermMonths: null,
      minRateBpOverLpr: null,
      maxRateBpOverLpr: null,
    });
  });

  it("puts an inverted range's error on its upper bound", () => {
    const result = ZCreateProductInput.safeParse({
      ...base,
      minAmount: "500",
      maxAmount: "10",
      minTermMonths: "36",
      maxTermMonths: "6",
      minRateBp: "80",
      maxRateBp: "-20",
    });
    expect(issues(result)).toEqual({ maxAmount: "rangeInverted", maxTermMonths: "rangeInverted", maxRateBp: "rangeInverted" });
  });

  it("accepts equal ends", () => {
    expect(
      ZCreateProductInput.safeParse({ ...base, minAmount: "100", maxAmount: "100.00", minTermMonths: "12", maxTermMonths: "12" }).success,
    ).toBe(true);
  });

  it("refuses what is not a product: unknown kind, missing name or how to apply, bad numbers", () => {
    const result = ZCreateProductInput.safeParse({
      name: "",
      kind: "高利贷",
      howToApply: " ",
      minAmount: "-5",
      maxTermMonths: "0",
      minTermMonths: "361",
      minRateBp: "LPR",
      maxRateBp: "2000",
    });
    expect(issues(result)).toEqual({
      name: "required",
      kind: "required",
      howToApply: "required",
      minAmount: "badAmount",
      minTermMonths: "badTerm",
      maxTermMonths: "badTerm",
      minRateBp: "badRate",
      maxRateBp: "badRate",
    });
  });

  it("refuses a bank id that is not an id", () => {
    expect(issues(ZCreateProductInput.safeParse({ ...base, bankOrgId: "someone-else" }))).toEqual({ bankOrgId: "notFound" });
  });

  it("caps the texts", () => {
    expect(issues(ZCreateProductInput.safeParse({ ...base, name: "贷".repeat(61), targets: "企".repeat(501) }))).toEqual({
      name: "tooLong",
      targets: "tooLong",
    });
  });
});

describe("ZUpdateProductInput and ZProductIdInput", () => {
  const productId = "0f6d4a5e-3f5b-4c86-9a63-6f0d9a3b2c11";
  it("carry the product id", () => {
    expect(ZUpdateProductInput.parse({ ...base, productId }).productId).toBe(productId);
    expect(ZProductIdInput.parse({ productId }).productId).toBe(productId);
  });
  it("answer notFound for a missing or malformed id", () => {
    expect(issues(ZUpdateProductInput.safeParse(base))).toEqual({ productId: "notFound" });
    expect(issues(ZProductIdInput.safeParse({ productId: "1 OR 1=1" }))).toEqual({ productId: "notFound" });
  });
});
