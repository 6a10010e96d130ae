import { describe, expect, it } from "vitest";
import { routeKeyPattern } from "./route-handler-paths";

describe("routeKeyPattern", () => {
  it("drops route groups and matches dynamic segments one segment wide, catch-alls wider", () => {
    expect(routeKeyPattern("/(portal)/import/enterprises/file/route").test("/import/enterprises/file")).toBe(true);
    expect(routeKeyPattern("/(portal)/import/enterprises/file/route").test("/import/enterprises")).toBe(false);
    const attachments = routeKeyPattern("/api/requests/[id]/attachments/route");
    expect(attachments.test("/api/requests/0b1c2d3e/attachments")).toBe(true);
    expect(attachments.test("/api/requests/a/b/attachments")).toBe(false);
    const auth = routeKeyPattern("/api/auth/[...nextauth]/route");
    expect(auth.test("/api/auth/callback/credentials")).toBe(true);
    expect(auth.test("/api/auth")).toBe(false);
    expect(routeKeyPattern("/[[...slug]]/route").test("/")).toBe(true);
    expect(routeKeyPattern("/a.b/route").test("/axb")).toBe(false);
  });
});
