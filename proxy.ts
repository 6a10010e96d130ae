import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "@/lib/server/action-request-gate";
import { isProduction } from "@/lib/server/env";
import { contentSecurityPolicy, newCspNonce } from "@/lib/security-headers";

// Every page request (and server action call) gets a Content-Security-Policy with a fresh
// nonce (lib/security-headers.ts). The policy goes on the request too: Next reads the nonce
// from the request's header while rendering and puts it on every script it emits. Server
// action calls first pass the gate that turns Next's 500 refusals into 4xx
// (action-request-gate.ts).
export function proxy(request: NextRequest): Response {
  const refused = refuseActionRequest(request);
  if (refused) return refused;
  const policy = contentSecurityPolicy(newCspNonce(), { allowEval: !isProduction() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Not the static files, whose policy would not apply to anything, nor /api, whose
    // routes answer data and files with their own headers (next.config.ts gives them the
    // baseline policy). Prefetches of links get the policy of the page they lead to when it
    // is opened, so they skip the proxy as Next's guide advises.
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // A server action posted to an /api path or sent as a prefetch still meets the gate.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
