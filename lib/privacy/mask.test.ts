import { describe, expect, it } from "vitest";
import { GENERIC_MIN_LENGTH, maskEmail, maskGeneric, maskIdNumber, maskMobile, maskName } from "./mask";

describe("null handling", () => {
  it.each([
    ["maskMobile", maskMobile],
    ["maskIdNumber", maskIdNumber],
    ["maskName", maskName],
    ["maskEmail", maskEmail],
    ["maskGeneric", maskGeneric],
  ] as const)("%s: null and undefined → null, empty → empty", (_name, fn) => {
    expect(fn(null)).toBeNull();
    expect(fn(undefined)).toBeNull();
    expect(fn("")).toBe("");
    expect(fn("   ")).toBe("");
  });
});

describe("maskGeneric", () => {
  it("keeps first 3 and last 2, stars in between, same length", () => {
    expect(maskGeneric("ABCDEFGHIJ")).toBe("ABC*****IJ");
    expect(maskGeneric("E12345678")).toBe("E12****78");
  });

  it("stars everything when short", () => {
    expect(GENERIC_MIN_LENGTH).toBe(8);
    expect(maskGeneric("1234567")).toBe("*******");
    expect(maskGeneric("12345678")).toBe("123***78");
    expect(maskGeneric("ab")).toBe("**");
  });

  it("counts code points", () => {
    expect(maskGeneric("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇")).toBe("𠀀𠀁𠀂***𠀆𠀇");
  });
});

describe("maskMobile", () => {
  it("masks the middle four digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("19987654321")).toBe("199****4321");
  });

  it.each([
    "+86 138 1234 5678",
    "+8613812345678",
    "0086 13812345678",
    "8613812345678",
    "138-1234-5678",
    " 138 1234 5678 ",
    "(+86) 138 1234 5678",
    "＋８６ １３８１２３４５６７８",
  ])("%j → 138****5678", (input) => {
    expect(maskMobile(input)).toBe("138****5678");
  });

  it("never shows the middle digits", () => {
    const masked = maskMobile("+86 139 4242 0000");
    expect(masked).toBe("139****0000");
    expect(masked).not.toContain("4242");
  });

  it("non-mobile numbers are masked generically", () => {
    expect(maskMobile("010-8888 6666")).toBe("010******66"); // landline
    expect(maskMobile("12812345678")).toBe("128******78"); // 12x is not a mobile prefix
    expect(maskMobile("1381234567")).toBe("138*****67"); // 10 digits
    expect(maskMobile("+85291234567")).toBe("+85*******67"); // Hong Kong
    expect(maskMobile("12345")).toBe("*****");
  });

  it("the +86 prefix is only stripped in front of a mobile number", () => {
    expect(maskMobile("8612345")).toBe("*******");
    expect(maskMobile("86 10 8888 6666")).toBe("861*******66");
  });
});

describe("maskIdNumber", () => {
  it("18-digit ID: first 6, 8 stars, last 4", () => {
    expect(maskIdNumber("110101199003074578")).toBe("110101********4578");
  });

  it("handles the X check digit, lowercase x and spaces", () => {
    expect(maskIdNumber("11010119900307457X")).toBe("110101********457X");
    expect(maskIdNumber("11010119900307457x")).toBe("110101********457X");
    expect(maskIdNumber(" 110101 19900307 4578 ")).toBe("110101********4578");
  });

  it("hides the birth date", () => {
    const masked = maskIdNumber("110101199003074578");
    expect(masked).not.toContain("19900307");
    expect(masked).toHaveLength(18);
  });

  it("15-digit old ID: first 6, 6 stars (birth date YYMMDD), last 3", () => {
    expect(maskIdNumber("110101900307457")).toBe("110101******457");
    expect(maskIdNumber("110101900307457")).not.toContain("900307");
  });

  it("anything else is masked generically", () => {
    expect(maskIdNumber("E12345678")).toBe("E12****78"); // passport
    expect(maskIdNumber("1101011990030745")).toBe("110***********45"); // 16 digits
    expect(maskIdNumber("X10101199003074578")).toBe("X10*************78"); // X only allowed last
    expect(maskIdNumber("H123456")).toBe("*******");
  });
});

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["欧阳娜娜", "欧***"],
    ["王小明", "王**"],
    ["李", "*"],
    [" 张三 ", "张*"],
    ["阿依古丽·买买提", "阿***·***"],
    ["John Smith", "J*** *****"],
    ["𠀀𠀁", "𠀀*"], // rare characters outside the BMP
  ])("%j → %j", (input, out) => {
    expect(maskName(input)).toBe(out);
  });
});

describe("maskEmail", () => {
  it.each([
    ["zhangsan@example.com", "z***@example.com"],
    ["ab@bank.cn", "a***@bank.cn"],
    ["a@bank.cn", "*@bank.cn"],
    [" Wang.Li@Bank.CN ", "W***@Bank.CN"],
    ["张三@例子.中国", "张***@例子.中国"],
    ['"a@b"@example.com', '"***@example.com'],
  ])("%j → %j", (input, out) => {
    expect(maskEmail(input)).toBe(out);
  });

  it("does not reveal the length of the local part", () => {
    expect(maskEmail("zz@x.cn")).toBe(maskEmail("zzzzzzzzzz@x.cn"));
  });

  it("non-addresses are masked generically", () => {
    expect(maskEmail("zhangsan")).toBe("zha***an");
    expect(maskEmail("@example.com")).toBe("@ex*******om");
    expect(maskEmail("zhangsan@")).toBe("zha****n@");
    expect(maskEmail("abc")).toBe("***");
  });
});
