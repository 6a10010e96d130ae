import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  matchRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_LENGTH,
} from "./recovery-codes";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("generateRecoveryCodes", () => {
  it("makes 10 codes by default, shaped like k7m2-x9qp", () => {
    const { plain, hashes } = generateRecoveryCodes();
    expect(plain).toHaveLength(10);
    expect(hashes).toHaveLength(10);
    for (const c of plain) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it("honours count and refuses silly counts", () => {
    expect(generateRecoveryCodes(1).plain).toHaveLength(1);
    expect(generateRecoveryCodes(16).plain).toHaveLength(16);
    expect(() => generateRecoveryCodes(0)).toThrow(RangeError);
    expect(() => generateRecoveryCodes(-1)).toThrow(RangeError);
    expect(() => generateRecoveryCodes(2.5)).toThrow(RangeError);
  });

  it("hashes are sha256 hex of the normalised code, in the same order", () => {
    const { plain, hashes } = generateRecoveryCodes(5);
    plain.forEach((c, i) => {
      expect(hashes[i]).toMatch(/^[0-9a-f]{64}$/);
      expect(hashes[i]).toBe(sha256(c.replace("-", "")));
    });
  });

  it("codes within a set are distinct", () => {
    const { plain, hashes } = generateRecoveryCodes(100);
    expect(new Set(plain).size).toBe(100);
    expect(new Set(hashes).size).toBe(100);
  });

  it("the alphabet is unambiguous and carries ≥ 40 bits per code", () => {
    expect(RECOVERY_ALPHABET).toHaveLength(32);
    expect(new Set(RECOVERY_ALPHABET).size).toBe(32);
    for (const ch of "ilou") expect(RECOVERY_ALPHABET).not.toContain(ch);
    expect(RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it("uses the whole alphabet, roughly uniformly", () => {
    const counts = new Map<string, number>();
    const { plain } = generateRecoveryCodes(100);
    const more = Array.from({ length: 9 }, () => generateRecoveryCodes(100).plain).flat();
    for (const c of [...plain, ...more]) for (const ch of c.replace("-", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    // 1000 codes × 8 chars / 32 symbols = 250 expected each.
    expect(counts.size).toBe(32);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(150);
      expect(n).toBeLessThan(350);
    }
  });

  it("sets differ from one call to the next", () => {
    const a = generateRecoveryCodes().plain;
    const b = generateRecoveryCodes().plain;
    expect(a.filter((c) => b.includes(c))).toEqual([]);
  });
});

describe("normalizeRecoveryCode", () => {
  it.each([
    ["K7M2-X9QP", "k7m2x9qp"],
    [" k7m2 x9qp ", "k7m2x9qp"],
    ["k7m2—x9qp", "k7m2x9qp"],
    ["ｋ７ｍ２－ｘ９ｑｐ", "k7m2x9qp"], // full-width
    ["oO1l-iI00", "00111100"], // o→0, i/l→1
  ])("%j → %j", (input, out) => {
    expect(normalizeRecoveryCode(input)).toBe(out);
  });

  it("hashRecoveryCode hashes the normalised form", () => {
    expect(hashRecoveryCode("K7M2-X9QP")).toBe(sha256("k7m2x9qp"));
    expect(hashRecoveryCode("k7m2 x9qp")).toBe(sha256("k7m2x9qp"));
  });
});

describe("matchRecoveryCode", () => {
  const { plain, hashes } = generateRecoveryCodes(10);

  it("accepts each code and removes exactly that one", () => {
    plain.forEach((code, i) => {
      const r = matchRecoveryCode(code, hashes);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.remaining).toHaveLength(9);
      expect(r.remaining).not.toContain(hashes[i]);
      expect(r.remaining).toEqual(hashes.filter((_, j) => j !== i));
    });
  });

  it("does not mutate the stored list", () => {
    const copy = [...hashes];
    matchRecoveryCode(plain[0]!, copy);
    expect(copy).toEqual(hashes);
  });

  it("a used code no longer matches the remaining list", () => {
    const r1 = matchRecoveryCode(plain[3]!, hashes);
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    expect(matchRecoveryCode(plain[3]!, r1.remaining)).toEqual({ ok: false });
    const r2 = matchRecoveryCode(plain[4]!, r1.remaining);
    expect(r2.ok && r2.remaining.length).toBe(8);
  });

  it("the last code empties the list", () => {
    expect(matchRecoveryCode(plain[0]!, [hashes[0]!])).toEqual({ ok: true, remaining: [] });
  });

  it("forgives case, spaces, dashes and look-alike letters", () => {
    const code = plain[0]!;
    const compact = code.replace("-", "");
    for (const typed of [
      code.toUpperCase(),
      compact,
      ` ${compact.slice(0, 4)} ${compact.slice(4)} `,
      `${compact.slice(0, 2)}-${compact.slice(2)}`,
    ]) {
      expect(matchRecoveryCode(typed, hashes).ok).toBe(true);
    }
    const stored = [hashRecoveryCode("0a1b-c0d1")];
    expect(matchRecoveryCode("OA1B-CODL", stored).ok).toBe(true);
    expect(matchRecoveryCode("oaib-codi", stored).ok).toBe(true);
  });

  it("refuses wrong, malformed and empty input", () => {
    const wrong = plain[0]!.replace(/^./, (c) => (c === "a" ? "b" : "a"));
    if (!plain.includes(wrong)) expect(matchRecoveryCode(wrong, hashes)).toEqual({ ok: false });
    expect(matchRecoveryCode("", hashes)).toEqual({ ok: false });
    expect(matchRecoveryCode("k7m2-x9q", hashes)).toEqual({ ok: false }); // 7 chars
    expect(matchRecoveryCode(`${plain[0]!}x`, hashes)).toEqual({ ok: false }); // 9 chars
    expect(matchRecoveryCode("k7m2-x9q!", hashes)).toEqual({ ok: false });
    expect(matchRecoveryCode("k7m2-x9qu", hashes)).toEqual({ ok: false }); // u not in alphabet
  });

  it("refuses a hash typed in place of the code", () => {
    expect(matchRecoveryCode(hashes[0]!, hashes)).toEqual({ ok: false });
  });

  it("nothing matches an empty list", () => {
    expect(matchRecoveryCode(plain[0]!, [])).toEqual({ ok: false });
  });

  it("ignores malformed stored entries (and keeps them)", () => {
    const stored = ["not-a-hash", "", hashes[0]!.slice(0, 63), hashes[0]!];
    const r = matchRecoveryCode(plain[0]!, stored);
    expect(r).toEqual({ ok: true, remaining: ["not-a-hash", "", hashes[0]!.slice(0, 63)] });
  });

  it("accepts stored hashes in uppercase hex", () => {
    expect(matchRecoveryCode(plain[0]!, [hashes[0]!.toUpperCase()]).ok).toBe(true);
  });

  it("a duplicated stored hash is removed entirely once used", () => {
    expect(matchRecoveryCode(plain[0]!, [hashes[0]!, hashes[1]!, hashes[0]!])).toEqual({ ok: true, remaining: [hashes[1]!] });
  });
});
