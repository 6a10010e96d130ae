import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newCspNonce } from "./security-headers";

describe("the page's Content-Security-Policy", () => {
  it("lets scripts run only with the nonce, and allows eval only when asked (next dev)", () => {
    const policy = contentSecurityPolicy("abc123==");
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("x", { allowEval: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("runs a <style> element only with the nonce; style attributes stay allowed; next dev injects styles freely", () => {
    const policy = contentSecurityPolicy("abc123==");
    expect(policy).toContain("style-src-elem 'self' 'nonce-abc123=='");
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
    expect(policy).not.toMatch(/style-src-elem[^;]*unsafe-inline/);
    expect(contentSecurityPolicy("x", { allowEval: true })).toContain("style-src-elem 'self' 'unsafe-inline'");
  });

  it("gets a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newCspNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
