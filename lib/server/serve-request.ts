/**
 * For the server entry (scripts/server.ts): every request runs inside its request context
 * (lib/server/request-context.ts) with a fresh request id, sent back as X-Request-Id; when
 * the response ends, its duration goes into the request histogram and one JSON line is
 * logged: id, method, path (masked; never the query string, which can carry a search for a
 * name or a mobile), status, milliseconds, the user's and organization's ids, the action or
 * route and its outcome. Static files are counted, not logged. A server action call's body
 * is checked (size, shape) before Next sees it (action-body-gate.ts), and a page gets its
 * Content-Security-Policy (page-policy.ts). Before any of that the request waits for its
 * turn at the render gate (render-gate.ts); the time it waited counts in its duration and
 * is logged.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "../observability/logger";
import { maskFreeText } from "../privacy/mask-free-text";
import { metrics } from "../observability/metrics";
import { answerUnavailableWith503 } from "./database-unavailable";
import { gateActionBody } from "./action-body-gate";
import { applyPagePolicy } from "./page-policy";
import type { TRenderGate } from "./render-gate";
import type { TRequestContext } from "./request-context";

const log = logger.child({ component: "http" });
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export async function serveRequest(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  gate: TRenderGate,
): Promise<void> {
  const started = performance.now();
  const context: TRequestContext = { requestId: randomUUID(), databaseUnavailable: false };
  res.setHeader("X-Request-Id", context.requestId);
  res.once("close", () => logRequest(req, res, context, started));
  const admitted = await gate.enter(req, res);
  context.waitedMs = performance.now() - started;
  if (!admitted) return;
  applyPagePolicy(req, res);
  const checked = await gateActionBody(req, res);
  if (checked) await answerUnavailableWith503(checked, res, handle, context);
}

function logRequest(req: IncomingMessage, res: ServerResponse, context: TRequestContext, started: number): void {
  const ms = performance.now() - started;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  // A path can carry personal data too (a mistyped link, a probe): masked like an error.
  const path = maskFreeText((query < 0 ? url : url.slice(0, query)).slice(0, 200));
  const kind = req.headers["next-action"] ? "action" : path.startsWith("/_next/") ? "static" : path.startsWith("/api/") ? "api" : "page";
  const method = METHODS.has(req.method ?? "") ? req.method! : "OTHER";
  const status = res.statusCode;
  metrics().httpRequestDuration.observe({ kind, method, status: String(status) }, ms / 1000);
  if (kind === "static") return;
  const line = {
    reqId: context.requestId,
    method,
    path,
    status,
    ms: Math.round(ms * 10) / 10,
    ...(context.userId ? { userId: context.userId, orgId: context.orgId } : {}),
    ...(context.action ? { action: context.action, outcome: context.outcome } : {}),
    ...(req.headers["next-router-prefetch"] ? { prefetch: true } : {}),
    // Only when the render gate kept it waiting a noticeable time.
    ...(context.waitedMs !== undefined && context.waitedMs >= 1 ? { waitedMs: Math.round(context.waitedMs) } : {}),
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  if (status >= 500) log.warn(line, "request");
  else log.info(line, "request");
}
