/**
 * Every page request (and server action call) gets a Content-Security-Policy with a fresh
 * nonce (lib/security-headers.ts), set here in the server entry before Next.js handles the
 * request. The policy goes on the request too: Next reads the nonce from the request's
 * header while rendering and puts it on every script it emits. Done here rather than in
 * Next's proxy because the proxy costs a pass through Next's middleware machinery per page
 * view, a noticeable share of a page's server time under load.
 *
 * Not the static files, whose policy would not apply to anything, nor /api, whose routes
 * answer data and files with their own headers (next.config.ts gives them and /_next the
 * baseline policy). Prefetches of links get the policy of the page they lead to when it is
 * opened, as Next's guide advises.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy, newCspNonce } from "../security-headers";
import { isProduction } from "./env";

const WITHOUT_PAGE_POLICY = /^\/(?:api\/|_next\/static|_next\/image|favicon\.ico)/;

/** Whether the request is for a page (or a server action posted to one) rather than a file, an API route or a prefetch. */
export function wantsPagePolicy(req: Pick<IncomingMessage, "url" | "headers">): boolean {
  if (WITHOUT_PAGE_POLICY.test(req.url ?? "/")) return false;
  return req.headers["next-router-prefetch"] === undefined && req.headers["purpose"] !== "prefetch";
}

/** Sets this response's policy on the response and on the request Next.js reads its nonce from. */
export function applyPagePolicy(req: IncomingMessage, res: ServerResponse): void {
  if (!wantsPagePolicy(req)) return;
  const policy = contentSecurityPolicy(newCspNonce(), { allowEval: !isProduction() });
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}
