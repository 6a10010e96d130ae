/**
 * The attack: server action calls that Next.js itself refuses before our code runs — a
 * body over the 1 MB limit, an Origin of another site — which Next answers with 500.
 * The proxy answers them 413 / 403 with the shared message in the user's language.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { SERVER_ACTION_BODY_LIMIT } from "./action-request-gate";

function actionCall(headers: Record<string, string>): NextRequest {
  return new NextRequest("http://portal.example/requests/new", {
    method: "POST",
    headers: { host: "portal.example", "next-action": "7f00000000000000000000000000000000000000aa", ...headers },
  });
}

describe("the proxy in front of server actions", () => {
  it("answers a call from another origin 403 in Chinese (English with the language cookie)", async () => {
    const refused = proxy(actionCall({ origin: "https://evil.example" }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("请求来源异常，请刷新页面后重试。");
    expect(proxy(actionCall({ origin: "null" })).status).toBe(403);
    expect(proxy(actionCall({ origin: "https://portal.example.evil.example" })).status).toBe(403);
    const english = proxy(actionCall({ origin: "https://evil.example", cookie: "NEXT_LOCALE=en" }));
    expect(await english.text()).toMatch(/origin/i);
  });

  it("answers a body over the limit 413 before it is read", async () => {
    const refused = proxy(actionCall({ origin: "http://portal.example", "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toBe("提交的内容超过 1 MB，请精简后重试。");
  });

  it("lets a same-origin call within the limit through to Next", () => {
    const calls: Record<string, string>[] = [
      { origin: "http://portal.example", "content-length": "512" },
      { origin: "https://portal.example", "x-forwarded-host": "portal.example, proxy.internal" },
      {}, // no Origin: not a browser's cross-site request
    ];
    for (const headers of calls) {
      expect(proxy(actionCall(headers)).headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("runs for every server action call, whatever its path", () => {
    expect(config.matcher).toContainEqual({ source: "/:path*", has: [{ type: "header", key: "next-action" }] });
  });
});
