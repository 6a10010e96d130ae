import { describe, expect, it } from "vitest";
import { foldFullWidth } from "./fold-full-width";
import { parseWanYuan } from "./wan-yuan";
import { normalizeUscc, isValidUscc } from "@/lib/registry/uscc";
import { compactMobile, parseMobile } from "@/lib/mobile";
import { ZSaveRequest } from "@/lib/requests/schemas";
import { ZCreateProductInput } from "@/lib/products/schemas";
import { ZEnterpriseCreateInput, ZRegistrationInput } from "@/lib/registry/schemas";

describe("foldFullWidth", () => {
  it("folds full-width digits, letters and punctuation, the ideographic space, full stop and dashes", () => {
    expect(foldFullWidth("９１３５０１００Ｍ０００１００Ｙ４３")).toBe("91350100M000100Y43");
    expect(foldFullWidth("ａｂｃ　１２３")).toBe("abc 123");
    expect(foldFullWidth("１，２３４．５")).toBe("1,234.5");
    expect(foldFullWidth("10。5")).toBe("10.5");
    expect(foldFullWidth("138－1234—5678−9")).toBe("138-1234-5678-9");
    expect(foldFullWidth("（＋８６）")).toBe("(+86)");
  });

  it("leaves ASCII and Chinese characters as they are", () => {
    expect(foldFullWidth("91350100M000100Y43")).toBe("91350100M000100Y43");
    expect(foldFullWidth("云溪华锐")).toBe("云溪华锐");
  });
});

describe("the fields that use it", () => {
  it("USCC: full-width digits and letters, ideographic spaces and dashes", () => {
    expect(normalizeUscc("９１３５ ０１００－ｍ０００　１００ｙ４３")).toBe("91350100M000100Y43");
    expect(isValidUscc(normalizeUscc("９１３５０１００Ｍ０００１００Ｙ４３"))).toBe(true);
  });

  it("mobiles: full-width digits, plus sign, brackets and dashes", () => {
    for (const typed of ["１３８１２３４５６７８", "＋８６ １３８－１２３４－５６７８", "（１３８）１２３４５６７８", "138—1234—5678"]) {
      expect(compactMobile(typed)).toBe("13812345678");
      expect(parseMobile(typed)).toBe("13812345678");
    }
  });

  it("amounts: full-width digits, comma, full stop and the IME's 。", () => {
    for (const typed of ["１２３４．５", "1，234.5", "１,２３４。５", " 1234.50 "])
      expect(parseWanYuan(typed)).toEqual({ ok: true, fen: "1234500000" });
  });

  it("the request and product schemas fold amounts the same way", () => {
    const request = ZSaveRequest.safeParse({ type: "FINANCING", title: "流动资金", description: "说明", amountFen: "１０．５" });
    expect(request.data?.amountFen).toBe("10500000");
    expect(ZSaveRequest.safeParse({ type: "FINANCING", title: "流动资金", description: "说明", termMonths: "１２" }).data?.termMonths).toBe(
      12,
    );
    const product = ZCreateProductInput.safeParse({ name: "贷", kind: "信用贷", howToApply: "网点", minAmount: "１０。５" });
    expect(product.error?.issues.find((i) => i.path[0] === "minAmount")).toBeUndefined();
  });

  it("the registry's schemas fold the USCC and the mobile", () => {
    const typed = { uscc: "９１３５０１００ｍ０００１００ｙ４３", contactMobile: "＋８６ １３８－１２３４－５６７８" };
    const registration = ZRegistrationInput.safeParse(typed);
    const fieldsOf = (issues: { path: PropertyKey[] }[] = []) => issues.map((i) => String(i.path[0]));
    expect(fieldsOf(registration.error?.issues)).not.toContain("uscc");
    expect(fieldsOf(registration.error?.issues)).not.toContain("contactMobile");
    const created = ZEnterpriseCreateInput.safeParse(typed);
    expect(fieldsOf(created.error?.issues)).not.toContain("uscc");
    // The same typing, one digit wrong, is refused: the fold did not hide the check.
    const wrong = ZRegistrationInput.safeParse({ ...typed, uscc: "９１３５０１００ｍ０００１００ｙ４４" });
    expect(wrong.error?.issues.find((i) => i.path[0] === "uscc")?.message).toBe("usccChecksum");
  });
});

describe("amount decimals", () => {
  it("accept up to two decimals of 万元 (trailing zeros add none)", () => {
    expect(parseWanYuan("10")).toEqual({ ok: true, fen: "10000000" });
    expect(parseWanYuan("10.01")).toEqual({ ok: true, fen: "10010000" });
    expect(parseWanYuan("10.0100")).toEqual({ ok: true, fen: "10010000" });
  });

  it("refuse more decimals instead of keeping a figure that is shown rounded", () => {
    expect(parseWanYuan("10.005")).toEqual({ ok: false, error: "tooManyDecimals" });
    expect(parseWanYuan("１０．００５")).toEqual({ ok: false, error: "tooManyDecimals" });
    expect(parseWanYuan("0.001")).toEqual({ ok: false, error: "tooManyDecimals" });
  });

  it("refuse what is no positive amount", () => {
    for (const bad of ["", "0", "0.00", "-5", "abc", "1e5", "1.2.3", "1234567890"]) expect(parseWanYuan(bad).ok, bad).toBe(false);
  });

  it("every schema that parses an amount refuses the extra decimals with its field error", () => {
    const request = ZSaveRequest.safeParse({ type: "FINANCING", title: "流动资金", description: "说明", amountFen: "10.005" });
    expect(request.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["amountFen", "tooManyDecimals"]]);
    const product = ZCreateProductInput.safeParse({ name: "贷", kind: "信用贷", howToApply: "网点", maxAmount: "10.005" });
    expect(product.error?.issues.find((i) => i.path[0] === "maxAmount")?.message).toBe("tooManyDecimals");
  });
});
