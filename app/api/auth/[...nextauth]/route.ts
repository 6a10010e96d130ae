// Auth.js endpoints (session, csrf, sign-out). Sign-in itself goes through the sign-in
// page's server action, which calls the same configuration.
// Not wrapped in defineRoute: these are Auth.js's own handlers, public by nature (they are
// how a visitor gets a session), and Auth.js does its own checks (CSRF token, session
// cookie). The authorization-matrix test lists this file as the one framework route.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth/config";
import { asThrottledSignIn } from "@/lib/server/auth/throttled-sign-in";

export const { GET } = handlers;

// Its credentials sign-in is reachable directly too: a throttled one answers 429.
export async function POST(request: NextRequest): Promise<Response> {
  return asThrottledSignIn(request, await handlers.POST(request));
}
