import { NextResponse, type NextRequest } from "next/server";
import { refuseActionRequest } from "@/lib/server/action-request-gate";

// Runs only for server action calls (the matcher requires the Next-Action header): turns
// the refusals Next would answer with 500 into 4xx with a message (action-request-gate.ts).
export function proxy(request: NextRequest): Response {
  return refuseActionRequest(request) ?? NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
