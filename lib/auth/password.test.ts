import { beforeEach, describe, expect, it, vi } from "vitest";

// Pass-through spies on the real native functions, to see what verifyPassword really does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, hash: vi.fn(actual.hash), verify: vi.fn(actual.verify) };
});

const argon2 = await import("@node-rs/argon2");
const { checkPasswordPolicy, characterClasses, hashPassword, needsRehash, PASSWORD_HASH_PARAMS, verifyPassword } =
  await import("./password");

const hashSpy = vi.mocked(argon2.hash);
const verifySpy = vi.mocked(argon2.verify);

const GOOD = "Violet&Harbor73";

beforeEach(() => {
  hashSpy.mockClear();
  verifySpy.mockClear();
});

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe("hashPassword", () => {
  it("makes an Argon2id PHC string with the OWASP parameters", async () => {
    const h = await hashPassword(GOOD);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const opts = argon2.parseOptions(h);
    expect(opts).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32, algorithm: 2, version: 1 });
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword(GOOD), hashPassword(GOOD)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, GOOD)).toBe(true);
    expect(await verifyPassword(b, GOOD)).toBe(true);
  });

  it("does not contain the plain password", async () => {
    expect(await hashPassword(GOOD)).not.toContain(GOOD);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and refuses wrong ones", async () => {
    const h = await hashPassword(GOOD);
    expect(await verifyPassword(h, GOOD)).toBe(true);
    expect(await verifyPassword(h, "Rongqiao#2025")).toBe(false);
    expect(await verifyPassword(h, "rongqiao#2024")).toBe(false);
    expect(await verifyPassword(h, `${GOOD} `)).toBe(false);
    expect(await verifyPassword(h, "")).toBe(false);
  });

  it("handles non-ASCII passwords (UTF-8)", async () => {
    const pw = "融桥融资Ab1!";
    const h = await hashPassword(pw);
    expect(await verifyPassword(h, pw)).toBe(true);
    expect(await verifyPassword(h, "融桥融资Ab1?")).toBe(false);
  });

  it("verifies hashes made with other (older) parameters", async () => {
    const old = await argon2.hash(GOOD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    expect(await verifyPassword(old, GOOD)).toBe(true);
  });

  it("null hash: returns false after a real Argon2 verification against the dummy hash", async () => {
    expect(await verifyPassword(null, GOOD)).toBe(false);
    expect(verifySpy).toHaveBeenCalledTimes(1);
    const [dummy, plain] = verifySpy.mock.calls[0]!;
    expect(plain).toBe(GOOD);
    expect(typeof dummy).toBe("string");
    // The dummy costs what a real hash costs.
    expect(needsRehash(dummy as string)).toBe(false);
  });

  it("the dummy hash is computed once and reused", async () => {
    vi.resetModules();
    const fresh = await import("./password");
    hashSpy.mockClear();
    verifySpy.mockClear();
    // Concurrent first calls share one computation.
    const results = await Promise.all([fresh.verifyPassword(null, "a"), fresh.verifyPassword(null, "b"), fresh.verifyPassword(null, "c")]);
    expect(results).toEqual([false, false, false]);
    await fresh.verifyPassword(null, "d");
    expect(hashSpy).toHaveBeenCalledTimes(1);
    expect(verifySpy).toHaveBeenCalledTimes(4);
    const dummies = new Set(verifySpy.mock.calls.map((c) => c[0]));
    expect(dummies.size).toBe(1);
  });

  it("the dummy password is not accepted, even when typed in", async () => {
    // Whatever the dummy's plain text is, a null hash never says yes.
    expect(await verifyPassword(null, "rongqiao-dummy-password-never-matches")).toBe(false);
    expect(await verifyPassword(null, "")).toBe(false);
  });

  it("malformed hashes return false, never throw, and still spend a verification", async () => {
    for (const bad of [
      "",
      "garbage",
      "$argon2id$v=19$m=19456,t=2,p=1$abc$def",
      "$2b$10$abcdefghijklmnopqrstuu5Ytk8hCv0Q1Z5Fz1Ykqq9wGvQy5l4nS",
    ]) {
      verifySpy.mockClear();
      await expect(verifyPassword(bad, GOOD)).resolves.toBe(false);
      // At least one verification ran to completion against a well-formed hash (the dummy).
      const wellFormed = verifySpy.mock.calls.filter((c) => !needsRehash(c[0] as string));
      expect(wellFormed.length).toBe(1);
    }
  });

  it("an unknown account costs about as much as a wrong password (timing)", async () => {
    const h = await hashPassword(GOOD);
    await verifyPassword(null, "warm-up"); // computes the dummy once
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(await timed(() => verifyPassword(h, "Wrong#pass1")));
      unknown.push(await timed(() => verifyPassword(null, "Wrong#pass1")));
    }
    const ratio = median(unknown) / median(wrong);
    // Loose bounds (CI noise), but an early "return false" would be ~0.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });
});

describe("needsRehash", () => {
  it("is false for a fresh hash", async () => {
    expect(needsRehash(await hashPassword(GOOD))).toBe(false);
  });

  it.each([
    ["memoryCost", { memoryCost: 8192, timeCost: 2, parallelism: 1 }],
    ["timeCost", { memoryCost: 19456, timeCost: 3, parallelism: 1 }],
    ["parallelism", { memoryCost: 19456, timeCost: 2, parallelism: 2 }],
    ["outputLen", { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 16 }],
    ["algorithm (argon2i)", { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 1 }],
    ["version (0x10)", { memoryCost: 19456, timeCost: 2, parallelism: 1, version: 0 }],
  ] as const)("is true when %s differs", async (_label, opts) => {
    const h = argon2.hashSync("x", opts as Parameters<typeof argon2.hashSync>[1]);
    expect(needsRehash(h)).toBe(true);
  });

  it("is true for unreadable hashes", () => {
    expect(needsRehash("")).toBe(true);
    expect(needsRehash("garbage")).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuu5Ytk8hCv0Q1Z5Fz1Ykqq9wGvQy5l4nS")).toBe(true);
  });

  it("exposes the OWASP parameters", () => {
    expect(PASSWORD_HASH_PARAMS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 });
  });
});

describe("characterClasses", () => {
  it.each([
    ["abc", 1],
    ["abcABC", 2],
    ["abcABC123", 3],
    ["abcABC123!", 4],
    ["融桥", 1],
    ["é", 1],
    [" ", 1],
    ["", 0],
  ])("%j has %i classes", (s, n) => {
    expect(characterClasses(s)).toBe(n);
  });
});

describe("checkPasswordPolicy", () => {
  it("accepts a good password", () => {
    expect(checkPasswordPolicy(GOOD)).toBeNull();
    expect(checkPasswordPolicy("kwphEF12")).toBeNull(); // exactly 8, 3 classes
    expect(checkPasswordPolicy("kwphjx1!")).toBeNull(); // lower + digit + symbol
  });

  it("tooShort under 8 code points", () => {
    expect(checkPasswordPolicy("")).toBe("tooShort");
    expect(checkPasswordPolicy("aB3!xyz")).toBe("tooShort");
  });

  it("counts code points, not UTF-16 units", () => {
    // 4 astral characters are 8 UTF-16 units but only 4 code points.
    expect(checkPasswordPolicy("Ab1𠀀𠀀𠀀𠀀")).toBe("tooShort"); // 7 code points
    expect(checkPasswordPolicy("Ab1𠀀𠀀𠀀𠀀𠀀")).toBeNull(); // 8 code points
    // 128 astral code points = 256 UTF-16 units: still within the limit.
    expect(checkPasswordPolicy(`Ab1${"𠀀".repeat(125)}`)).toBeNull();
  });

  it("tooLong over 128 code points", () => {
    const base = "aB3!";
    expect(checkPasswordPolicy(base.repeat(32))).toBeNull(); // 128
    expect(checkPasswordPolicy(`${base.repeat(32)}x`)).toBe("tooLong"); // 129
  });

  it("tooFewClasses under 3 of 4 classes", () => {
    expect(checkPasswordPolicy("abcdefghij")).toBe("tooFewClasses");
    expect(checkPasswordPolicy("abcdEFGHij")).toBe("tooFewClasses");
    expect(checkPasswordPolicy("12345678")).toBe("tooFewClasses");
    expect(checkPasswordPolicy("abcd1234")).toBe("tooFewClasses");
  });

  it("non-ASCII counts as the 'other' class", () => {
    expect(checkPasswordPolicy("融桥融资abc123")).toBeNull();
    expect(checkPasswordPolicy("融桥融资融桥融资")).toBe("tooFewClasses");
    expect(checkPasswordPolicy("ÄÖÜäöüabc")).toBe("tooFewClasses"); // lower + other
    expect(checkPasswordPolicy("ÄÖÜäöüabc1")).toBeNull();
  });

  it("containsAccount: case-insensitive, only when the account is ≥ 3 characters", () => {
    expect(checkPasswordPolicy("xxZhangSan#1", { account: "zhangsan" })).toBe("containsAccount");
    expect(checkPasswordPolicy("ZHANGSAN#1a", { account: "zhangsan" })).toBe("containsAccount");
    expect(checkPasswordPolicy("Kxq#12345", { account: "kx" })).toBeNull();
    expect(checkPasswordPolicy("Kxq#12345", { account: "kxq" })).toBe("containsAccount");
    expect(checkPasswordPolicy("Kxq#12345", { account: "  " })).toBeNull();
    expect(checkPasswordPolicy("Kxq#12345", { account: "" })).toBeNull();
    expect(checkPasswordPolicy("Kxq#12345", {})).toBeNull();
  });

  it("containsAccount: the local part of an e-mail account", () => {
    expect(checkPasswordPolicy("Wang.Li#2024", { account: "wang.li@bank.cn" })).toBe("containsAccount");
    expect(checkPasswordPolicy("Qwer#2024x", { account: "wang.li@bank.cn" })).toBeNull();
  });

  it("containsAccount: the person's name when ≥ 3 characters", () => {
    expect(checkPasswordPolicy("欧阳娜娜Ab12", { name: "欧阳娜娜" })).toBe("containsAccount");
    expect(checkPasswordPolicy("张三Abc12345", { name: "张三" })).toBeNull();
    expect(checkPasswordPolicy("liSiGuang#1", { account: "x1", name: "LiSiguang" })).toBe("containsAccount");
  });

  it("containsAccount: full-width letters are folded (NFKC)", () => {
    expect(checkPasswordPolicy("ｚｈａｎｇｓａｎ#1A", { account: "zhangsan" })).toBe("containsAccount");
  });

  it("checks rules in order: length, classes, then account", () => {
    expect(checkPasswordPolicy("zhangsan", { account: "zhangsan" })).toBe("tooFewClasses");
    expect(checkPasswordPolicy("zhan", { account: "zhangsan" })).toBe("tooShort");
  });

  it("commonPassword: a listed stem with digits and symbols at its ends or letters swapped", () => {
    for (const p of ["Password1", "P@ssw0rd", "Qwerty123", "2026Password!", "$unsh1ne!", "1qaz@WSX", "Zhangwei1990!", "Aa123456!"]) {
      expect(checkPasswordPolicy(p), p).toBe("commonPassword");
    }
    expect(checkPasswordPolicy("Violet&Harbor73")).toBeNull();
    expect(checkPasswordPolicy("correct-Horse-battery-9")).toBeNull();
  });

  it("containsMobile: the whole number or its last eight digits", () => {
    expect(checkPasswordPolicy("Kite#13912345678", { mobile: "139 1234 5678" })).toBe("containsMobile");
    expect(checkPasswordPolicy("Kite#12345678", { mobile: "13912345678" })).toBe("containsMobile");
    expect(checkPasswordPolicy("Kite#1234567", { mobile: "13912345678" })).toBeNull();
    expect(checkPasswordPolicy("Kite#12345678", { mobile: null })).toBeNull();
  });

  it("likePrevious: the old password with its digits changed", () => {
    expect(checkPasswordPolicy("Lantern#Kite2026", { previous: "Lantern#Kite2025" })).toBe("likePrevious");
    expect(checkPasswordPolicy("Lantern!Kite9", { previous: "Lantern#Kite2025" })).toBe("likePrevious");
    expect(checkPasswordPolicy("Violet&Harbor73", { previous: "Lantern#Kite2025" })).toBeNull();
  });
});
