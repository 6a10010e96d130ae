/**
 * Next.js's onRequestError hook (instrumentation.ts): every error a page, layout, route or
 * action throws while Next renders it. Next prints such errors without the request id, and
 * one thrown after the response's headers went out (inside a streamed part of a page)
 * changes nothing in the status: the request's log line says 200. So each one is logged
 * here with the request id and whether the status had already been sent (`streamed`), and
 * counted in rongqiao_render_errors_total. A database that cannot be reached marks the
 * request for the 503 answer when the status is still to be sent (database-unavailable.ts).
 */
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { isDatabaseUnavailable, markDatabaseUnavailable } from "./database-unavailable";
import { isNextControlFlow } from "./next-control-flow";
import { requestContext } from "./request-context";

/** What Next tells onRequestError about where the error happened (the fields used here). */
export type TRenderErrorPlace = { routePath: string; routeType: string };

export function reportRenderError(error: unknown, place: TRenderErrorPlace): void {
  if (isNextControlFlow(error)) return;
  const context = requestContext();
  const streamed = context?.responseStarted === true;
  const databaseUnavailable = isDatabaseUnavailable(error);
  if (databaseUnavailable && !streamed) markDatabaseUnavailable();
  // A server action's failure is logged by defineAction (lib/server/action.ts), with the
  // action's name and the request id: not again here as a render failure.
  if (place.routeType === "action") return;
  const routeType = ["render", "route", "action", "proxy"].includes(place.routeType) ? place.routeType : "other";
  metrics().renderErrorsTotal.inc({ route_type: routeType, streamed: String(streamed) });
  logger.error(
    {
      reqId: context?.requestId,
      route: place.routePath,
      routeType,
      streamed,
      databaseUnavailable,
      digest: (error as { digest?: unknown } | null)?.digest,
      err: error,
    },
    "page render failed",
  );
}
