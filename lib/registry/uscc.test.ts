import { describe, expect, it } from "vitest";
import {
  USCC_CHARSET,
  explainUsccError,
  isValidOrgCode,
  isValidUscc,
  makeUscc,
  normalizeUscc,
  orgCodeCheckChar,
  usccCheckChar,
} from "./uscc";
import { Rng } from "@/lib/seed/random";

// Codes published on business licences (国家企业信用信息公示系统). Each also satisfies the
// GB 11714 check of its organization code, which a made-up code passes only 1 time in 341.
const REAL_CODES = [
  "91350100M000100Y43",
  "91110000802100433B",
  "914403001922038216", // 华为技术有限公司
  "9144030071526726XG", // 腾讯科技（深圳）有限公司
  "91330100716105852F", // 阿里巴巴（中国）有限公司
  "91110108551385082Q", // 小米科技有限责任公司
];

describe("usccCheckChar / isValidUscc", () => {
  it.each(REAL_CODES)("accepts the real code %s", (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(isValidUscc(code)).toBe(true);
    expect(explainUsccError(code)).toBeNull();
    expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
  });

  it("maps a remainder of 0 to the character 0 (not 31)", () => {
    // Brute force a 17-character prefix whose weighted sum is a multiple of 31.
    let found = "";
    for (let n = 0; n < 1000 && !found; n++) {
      const first17 = `91431400${String(n).padStart(9, "0")}`;
      if (usccCheckChar(first17) === "0") found = first17;
    }
    expect(found).not.toBe("");
    expect(isValidUscc(`${found}0`)).toBe(true);
  });

  it("throws on a prefix of the wrong length or outside the charset", () => {
    expect(() => usccCheckChar("9135010")).toThrow(RangeError);
    expect(() => usccCheckChar("91350100M000100I4")).toThrow(RangeError);
  });
});

describe("explainUsccError", () => {
  it("reports the length first", () => {
    expect(explainUsccError("")).toBe("length");
    expect(explainUsccError("91350100M000100Y4")).toBe("length");
    expect(explainUsccError("91350100M000100Y433")).toBe("length");
  });

  it("reports letters outside the charset (I, O, Z, S, V, lower case, full-width)", () => {
    for (const bad of ["I", "O", "Z", "S", "V", "a", "Ａ", "-"]) {
      expect(explainUsccError(`91350100M000100Y4${bad}`)).toBe("charset");
    }
    expect(explainUsccError("91350100m000100Y43")).toBe("charset");
  });

  it("reports a wrong check character and any single substitution", () => {
    expect(explainUsccError("91350100M000100Y44")).toBe("checksum");
    expect(explainUsccError("91110000802100433C")).toBe("checksum");
    // Mod 31 with weights coprime to 31: every single-character change is caught.
    const code = REAL_CODES[0] as string;
    for (let i = 0; i < 18; i++) {
      for (const c of USCC_CHARSET) {
        if (c === code[i]) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(isValidUscc(changed)).toBe(false);
      }
    }
  });

  it("catches swapped adjacent characters", () => {
    const code = "914403001922038216";
    const swapped = `${code.slice(0, 3)}${code[4]}${code[3]}${code.slice(5)}`;
    expect(swapped).not.toBe(code);
    expect(isValidUscc(swapped)).toBe(false);
  });
});

describe("normalizeUscc", () => {
  it("trims, removes spaces and hyphens and upper-cases", () => {
    expect(normalizeUscc(" 9135 0100-m000 100y43\u3000")).toBe("91350100M000100Y43");
    expect(isValidUscc(normalizeUscc("91350100m000100y43"))).toBe(true);
  });
});

describe("orgCodeCheckChar (GB 11714)", () => {
  it("matches known organization codes", () => {
    expect(orgCodeCheckChar("19220382")).toBe("1");
    expect(orgCodeCheckChar("71526726")).toBe("X");
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
  });
  it("rejects a malformed body", () => {
    expect(() => orgCodeCheckChar("1234567")).toThrow(RangeError);
    expect(isValidOrgCode("19220382X")).toBe(false);
  });
});

describe("makeUscc", () => {
  it("produces valid codes with the requested parts", () => {
    const rng = new Rng("uscc-test");
    for (let i = 0; i < 2000; i++) {
      const code = makeUscc(rng);
      expect(explainUsccError(code)).toBeNull();
      expect(code.startsWith("91")).toBe(true);
      expect(code.slice(2, 6)).toBe("4314");
      expect(code.slice(8, 10)).toBe("MA");
      expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
    }
    const coop = makeUscc(rng, { type: "3", division: "431422", orgCodeBody: "12345678" });
    expect(coop.slice(0, 16)).toBe("9343142212345678");
    expect(coop[16]).toBe(orgCodeCheckChar("12345678"));
    expect(isValidUscc(coop)).toBe(true);
  });

  it("is deterministic for the same random source", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 20 }, () => makeUscc(a))).toEqual(Array.from({ length: 20 }, () => makeUscc(b)));
  });

  it("refuses parts that cannot form a code", () => {
    const rng = new Rng(1);
    expect(() => makeUscc(rng, { division: "4314" })).toThrow(RangeError);
    expect(() => makeUscc(rng, { orgCodeBody: "MA0000I0" })).toThrow(RangeError);
  });
});
