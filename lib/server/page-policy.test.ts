import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { applyPagePolicy, wantsPagePolicy } from "./page-policy";

function request(url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { url, headers: { host: "portal.example", ...headers } } as unknown as IncomingMessage;
}

function response(): ServerResponse & { set: Record<string, string> } {
  const set: Record<string, string> = {};
  return { set, setHeader: (name: string, value: string) => (set[name.toLowerCase()] = value) } as unknown as ServerResponse & {
    set: Record<string, string>;
  };
}

describe("the page policy set in the server entry", () => {
  it("gives a page request a Content-Security-Policy with a new nonce, on the response and on the request Next renders", () => {
    const req = request("/requests?page=2");
    const res = response();
    applyPagePolicy(req, res);
    const policy = res.set["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{22,}' 'strict-dynamic'/);
    expect(req.headers["content-security-policy"]).toBe(policy);
    const again = response();
    applyPagePolicy(request("/requests"), again);
    expect(again.set["content-security-policy"]).not.toBe(policy);
  });

  it("replaces a policy header the client sent, so a caller cannot choose the nonce", () => {
    const req = request("/", { "content-security-policy": "script-src 'nonce-chosen'" });
    applyPagePolicy(req, response());
    expect(req.headers["content-security-policy"]).not.toContain("nonce-chosen");
  });

  it("leaves files, API routes and prefetches alone", () => {
    for (const url of ["/api/health", "/_next/static/chunks/a.js", "/_next/image?url=x", "/favicon.ico"]) {
      expect(wantsPagePolicy(request(url)), url).toBe(false);
    }
    expect(wantsPagePolicy(request("/bank", { "next-router-prefetch": "1" }))).toBe(false);
    expect(wantsPagePolicy(request("/bank", { purpose: "prefetch" }))).toBe(false);
    for (const url of ["/", "/bank/inbox", "/apis", "/requests/new"]) expect(wantsPagePolicy(request(url)), url).toBe(true);
  });
});
