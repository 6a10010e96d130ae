import { describe, expect, it } from "vitest";
import { Secret, URI, TOTP } from "otpauth";
import { currentTotp, DEFAULT_TOTP_ISSUER, generateTotpSecret, totpQrSvg, totpStep, totpUri, verifyTotp } from "./totp";

// RFC 6238 appendix B, SHA1 seed "12345678901234567890"; 6-digit codes are the last 6 digits.
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;
const RFC_VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = new Date("2025-03-01T08:00:10Z"); // 10 s into its step
const STEP = totpStep(NOW);
const at = (deltaSteps: number) => new Date(NOW.getTime() + deltaSteps * 30_000);
const codeAt = (deltaSteps: number) => currentTotp(SECRET, at(deltaSteps));

describe("generateTotpSecret", () => {
  it("is 20 random bytes in base32 (32 characters, no padding)", () => {
    const s = generateTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(s).bytes.length).toBe(20);
  });

  it("differs every time", () => {
    const seen = new Set(Array.from({ length: 50 }, generateTotpSecret));
    expect(seen.size).toBe(50);
  });
});

describe("currentTotp / totpStep", () => {
  it.each(RFC_VECTORS)("RFC 6238 vector at T=%i → %s", (seconds, code) => {
    expect(currentTotp(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it("steps are 30 s long and start on the epoch", () => {
    expect(totpStep(new Date(0))).toBe(0);
    expect(totpStep(new Date(29_999))).toBe(0);
    expect(totpStep(new Date(30_000))).toBe(1);
    expect(totpStep(new Date(59_000))).toBe(1);
  });

  it("agrees with otpauth's own TOTP", () => {
    const t = new TOTP({ secret: Secret.fromBase32(SECRET) });
    expect(currentTotp(SECRET, NOW)).toBe(t.generate({ timestamp: NOW.getTime() }));
  });

  it("the same code throughout a step", () => {
    const start = new Date(STEP * 30_000);
    const end = new Date(STEP * 30_000 + 29_999);
    expect(currentTotp(SECRET, start)).toBe(currentTotp(SECRET, end));
  });

  it("refuses an invalid date and a non-base32 secret", () => {
    expect(() => totpStep(new Date("nope"))).toThrow(RangeError);
    expect(() => currentTotp("not base32!", NOW)).toThrow(TypeError);
    expect(() => currentTotp("", NOW)).toThrow(TypeError);
  });

  it("accepts a secret written in lowercase or with spaces", () => {
    expect(currentTotp(SECRET.toLowerCase(), NOW)).toBe(codeAt(0));
    expect(currentTotp(SECRET.replace(/(.{4})/g, "$1 "), NOW)).toBe(codeAt(0));
  });
});

describe("totpUri", () => {
  it("builds an otpauth://totp URI with issuer, account and the standard parameters", () => {
    const uri = totpUri({ secret: SECRET, account: "zhang.san@bank.cn" });
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    const u = new URL(uri);
    expect(u.searchParams.get("secret")).toBe(SECRET);
    expect(u.searchParams.get("issuer")).toBe(DEFAULT_TOTP_ISSUER);
    expect(u.searchParams.get("algorithm")).toBe("SHA1");
    expect(u.searchParams.get("digits")).toBe("6");
    expect(u.searchParams.get("period")).toBe("30");
    expect(u.protocol).toBe("otpauth:");
    expect(u.host).toBe("totp");
    expect(decodeURIComponent(u.pathname)).toBe(`/${DEFAULT_TOTP_ISSUER}:zhang.san@bank.cn`);
  });

  it("round-trips through a URI parser (as an authenticator app would read it)", () => {
    const parsed = URI.parse(totpUri({ secret: SECRET, account: "张三", issuer: "测试 Issuer" }));
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe("测试 Issuer");
    expect(parsed.label).toBe("张三");
    expect(parsed.secret.base32).toBe(SECRET);
    expect((parsed as TOTP).generate({ timestamp: NOW.getTime() })).toBe(codeAt(0));
  });

  it("is plain ASCII (non-ASCII is percent-encoded)", () => {
    expect(totpUri({ secret: SECRET, account: "张三" })).toMatch(/^[\x21-\x7e]+$/);
  });
});

describe("totpQrSvg", () => {
  it("renders an SVG document", async () => {
    const svg = await totpQrSvg(totpUri({ secret: SECRET, account: "a@b.cn" }));
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<path");
  });

  it("differs for different URIs", async () => {
    const a = await totpQrSvg(totpUri({ secret: SECRET, account: "a@b.cn" }));
    const b = await totpQrSvg(totpUri({ secret: generateTotpSecret(), account: "a@b.cn" }));
    expect(a).not.toBe(b);
  });
});

describe("verifyTotp", () => {
  const base = { secret: SECRET, now: NOW, lastUsedStep: null };

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp({ ...base, code: codeAt(0) })).toEqual({ ok: true, step: STEP });
  });

  it("accepts one step either side by default, with that step", () => {
    expect(verifyTotp({ ...base, code: codeAt(-1) })).toEqual({ ok: true, step: STEP - 1 });
    expect(verifyTotp({ ...base, code: codeAt(1) })).toEqual({ ok: true, step: STEP + 1 });
  });

  it("refuses codes outside the window as invalid (expired or too early)", () => {
    expect(verifyTotp({ ...base, code: codeAt(-2) })).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp({ ...base, code: codeAt(2) })).toEqual({ ok: false, reason: "invalid" });
  });

  it("window is configurable", () => {
    expect(verifyTotp({ ...base, code: codeAt(-1), window: 0 })).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp({ ...base, code: codeAt(0), window: 0 })).toEqual({ ok: true, step: STEP });
    expect(verifyTotp({ ...base, code: codeAt(-2), window: 2 })).toEqual({ ok: true, step: STEP - 2 });
    expect(verifyTotp({ ...base, code: codeAt(-3), window: 2 })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a wrong code", () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
    // Make sure the mutated code is not by chance valid in the window.
    expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(wrong);
    expect(verifyTotp({ ...base, code: wrong })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code made with another secret", () => {
    const other = currentTotp(generateTotpSecret(), NOW);
    const r = verifyTotp({ ...base, code: other });
    // 1-in-a-million chance of a real collision within the window; tolerate it explicitly.
    if (![codeAt(-1), codeAt(0), codeAt(1)].includes(other)) expect(r).toEqual({ ok: false, reason: "invalid" });
  });

  describe("replay protection", () => {
    it("refuses the same code again once its step is stored", () => {
      const first = verifyTotp({ ...base, code: codeAt(0) });
      expect(first).toEqual({ ok: true, step: STEP });
      const again = verifyTotp({ ...base, code: codeAt(0), lastUsedStep: STEP });
      expect(again).toEqual({ ok: false, reason: "reused" });
    });

    it("refuses older codes still inside the window", () => {
      expect(verifyTotp({ ...base, code: codeAt(-1), lastUsedStep: STEP })).toEqual({ ok: false, reason: "reused" });
      expect(verifyTotp({ ...base, code: codeAt(0), lastUsedStep: STEP + 1 })).toEqual({ ok: false, reason: "reused" });
    });

    it("accepts a later code after an earlier one was used", () => {
      expect(verifyTotp({ ...base, code: codeAt(0), lastUsedStep: STEP - 1 })).toEqual({ ok: true, step: STEP });
      expect(verifyTotp({ ...base, code: codeAt(1), lastUsedStep: STEP })).toEqual({ ok: true, step: STEP + 1 });
    });

    it("a used future code blocks the current one", () => {
      const used = verifyTotp({ ...base, code: codeAt(1) });
      expect(used).toEqual({ ok: true, step: STEP + 1 });
      expect(verifyTotp({ ...base, code: codeAt(0), lastUsedStep: STEP + 1 })).toEqual({ ok: false, reason: "reused" });
    });

    it("a wrong code is 'invalid', not 'reused', whatever lastUsedStep says", () => {
      expect(verifyTotp({ ...base, code: codeAt(5), lastUsedStep: STEP + 1 })).toEqual({ ok: false, reason: "invalid" });
    });

    // Under the RFC secret, steps 56188870 and 56188871 happen to share the code 617002
    // (found by search): a code can match two steps of the window.
    it("a code matching two steps: the earliest unused one is taken", () => {
      const s1 = 56188870;
      const now = new Date((s1 + 1) * 30_000 + 5_000);
      expect(currentTotp(RFC_SECRET, new Date(s1 * 30_000))).toBe("617002");
      expect(currentTotp(RFC_SECRET, now)).toBe("617002");
      const v = (lastUsedStep: number | null) => verifyTotp({ secret: RFC_SECRET, code: "617002", now, lastUsedStep });
      expect(v(null)).toEqual({ ok: true, step: s1 });
      expect(v(s1 - 1)).toEqual({ ok: true, step: s1 });
      // Not "reused" although the first matching step is used: the second one is still free.
      expect(v(s1)).toEqual({ ok: true, step: s1 + 1 });
      expect(v(s1 + 1)).toEqual({ ok: false, reason: "reused" });
    });

    it("the sequence of one sign-in per step works across the whole window", () => {
      let last: number | null = null;
      for (let d = 0; d < 5; d++) {
        const r = verifyTotp({ secret: SECRET, code: codeAt(d), now: at(d), lastUsedStep: last });
        expect(r).toEqual({ ok: true, step: STEP + d });
        if (r.ok) last = r.step;
      }
    });
  });

  describe("format", () => {
    it.each(["", "12345", "1234567", "12a456", "abcdef", "12-3456", "+12345", "１２３４５", "12345６7"])("%j is 'format'", (code) => {
      expect(verifyTotp({ ...base, code })).toEqual({ ok: false, reason: "format" });
    });

    it("is checked before replay/validity", () => {
      expect(verifyTotp({ ...base, code: "12345", lastUsedStep: STEP + 5 })).toEqual({ ok: false, reason: "format" });
    });

    it("spaces around and inside are removed", () => {
      const c = codeAt(0);
      expect(verifyTotp({ ...base, code: ` ${c} ` })).toEqual({ ok: true, step: STEP });
      expect(verifyTotp({ ...base, code: `${c.slice(0, 3)} ${c.slice(3)}` })).toEqual({ ok: true, step: STEP });
      expect(verifyTotp({ ...base, code: `\t${c}\n` })).toEqual({ ok: true, step: STEP });
    });

    it("full-width digits (Chinese IME) are accepted", () => {
      const fullWidth = [...codeAt(0)].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
      expect(verifyTotp({ ...base, code: fullWidth })).toEqual({ ok: true, step: STEP });
    });

    it("keeps leading zeros (RFC vector 005924)", () => {
      const now = new Date(1234567890 * 1000);
      expect(verifyTotp({ secret: RFC_SECRET, code: "005924", now, lastUsedStep: null })).toEqual({ ok: true, step: totpStep(now) });
      expect(verifyTotp({ secret: RFC_SECRET, code: "5924", now, lastUsedStep: null })).toEqual({ ok: false, reason: "format" });
    });
  });

  it("throws on programming errors: bad window, bad secret, bad date", () => {
    expect(() => verifyTotp({ ...base, code: codeAt(0), window: -1 })).toThrow(RangeError);
    expect(() => verifyTotp({ ...base, code: codeAt(0), window: 1.5 })).toThrow(RangeError);
    expect(() => verifyTotp({ ...base, code: codeAt(0), secret: "!!" })).toThrow(TypeError);
    expect(() => verifyTotp({ ...base, code: codeAt(0), now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});
