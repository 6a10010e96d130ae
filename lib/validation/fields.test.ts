import { describe, expect, it } from "vitest";
import { controlCharacterFields, hasControlCharacters, isCalendarDay, zCalendarDay, zPlainText } from "./fields";

describe("text fields", () => {
  it("refuse NUL, the other control characters and unpaired surrogates, but keep tabs, line breaks and astral characters", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001b[31m", "\u007f", "\u0085", "\u000b", "\u000c", "\ud800", "a\udfffb", "\ud83d"])
      expect(hasControlCharacters(bad)).toBe(true);
    for (const good of ["第一行\r\n第二行\n", "列\t值", "融桥 RongQiao", "😀", "𠜎", ""]) expect(hasControlCharacters(good)).toBe(false);
  });

  it("give the field error badCharacters and still trim and limit as usual", () => {
    const title = zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(5, { message: "tooLong" });
    expect(title.safeParse("贷款\u0000").error?.issues.map((i) => i.message)).toEqual(["badCharacters"]);
    expect(title.safeParse("  申请  ").data).toBe("申请");
    expect(title.safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(title.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(title.safeParse("一二三四五六").error?.issues.map((i) => i.message)).toEqual(["tooLong"]);
  });

  it("are found in any field of a posted form, nested or not", () => {
    expect(controlCharacterFields({ title: "ok", note: "a\u0000", products: ["x", "y\u0001"], nested: { deep: "\u007f" } })).toEqual({
      note: "badCharacters",
      "products.1": "badCharacters",
      "nested.deep": "badCharacters",
    });
    expect(controlCharacterFields({ title: "第一行\r\n第二行", n: 3, file: new Blob(["\u0000"]) })).toEqual({});
  });
});

describe("date fields", () => {
  it("accept only days that exist", () => {
    expect(isCalendarDay("2027-02-28")).toBe(true);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    for (const bad of [
      "2027-02-30",
      "2027-02-29",
      "9999-99-99",
      "2027-13-01",
      "2027-00-10",
      "2027-1-5",
      "2027-01-05T00:00",
      " 2027-01-05",
      "",
    ]) {
      expect(isCalendarDay(bad), bad).toBe(false);
    }
  });

  it("keep to a range of years", () => {
    expect(isCalendarDay("1899-12-31")).toBe(false);
    expect(isCalendarDay("2101-01-01")).toBe(false);
    expect(isCalendarDay("1999-06-01", { minYear: 2000, maxYear: 2100 })).toBe(false);
  });

  it("give the field's own error code", () => {
    expect(
      zCalendarDay()
        .safeParse("2027-02-30")
        .error?.issues.map((i) => i.message),
    ).toEqual(["badDate"]);
    expect(
      zCalendarDay("dateFormat")
        .safeParse(12)
        .error?.issues.map((i) => i.message),
    ).toEqual(["dateFormat"]);
    expect(zCalendarDay().safeParse("2027-03-02").data).toBe("2027-03-02");
  });
});
