import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "@/lib/server/action-request-gate";

// Server action calls pass the gate that turns Next's 500 refusals into 4xx
// (action-request-gate.ts). Pages get their Content-Security-Policy in the server entry
// (lib/server/page-policy.ts), not here: a pass through the proxy on every page view costs
// more than the policy itself.
export function proxy(request: NextRequest): Response {
  return refuseActionRequest(request) ?? NextResponse.next();
}

export const config = {
  matcher: [
    // Every server action call, whatever its path or headers.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
