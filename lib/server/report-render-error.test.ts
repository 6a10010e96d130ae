/**
 * A render error is logged with the request id and counted, with whether the status had
 * already gone out; a lost database marks the request for the 503 only while it still can.
 */
import { describe, expect, it, vi } from "vitest";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { reportRenderError } from "./report-render-error";
import { runWithRequestContext, type TRequestContext } from "./request-context";

const place = { routePath: "/bank", routeType: "render" };
const count = async (streamed: string) =>
  (await metrics().renderErrorsTotal.get()).values.find((v) => v.labels.route_type === "render" && v.labels.streamed === streamed)?.value ??
  0;
const lostConnection = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });

describe("reportRenderError", () => {
  it("logs the request id and counts an error thrown after the status was sent, leaving the status alone", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const before = await count("true");
    const context: TRequestContext = { requestId: "req-1", databaseUnavailable: false, responseStarted: true };
    runWithRequestContext(context, () => reportRenderError(lostConnection(), place));
    expect(await count("true")).toBe(before + 1);
    expect(context.databaseUnavailable).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ reqId: "req-1", route: "/bank", streamed: true }), "page render failed");
    log.mockRestore();
  });

  it("marks a lost database for the 503 answer while the status is still to be sent", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const before = await count("false");
    const context: TRequestContext = { requestId: "req-2", databaseUnavailable: false };
    runWithRequestContext(context, () => reportRenderError(lostConnection(), place));
    expect(context.databaseUnavailable).toBe(true);
    expect(await count("false")).toBe(before + 1);
    log.mockRestore();
  });

  it("ignores Next's redirects and not-found, which travel as errors", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    reportRenderError(Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/sign-in;307;" }), place);
    reportRenderError(Object.assign(new Error("x"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" }), place);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("leaves a server action's failure to defineAction's own log line (no second one)", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const context: TRequestContext = { requestId: "req-3", databaseUnavailable: false };
    runWithRequestContext(context, () => reportRenderError(new Error("boom"), { routePath: "/requests/[id]", routeType: "action" }));
    expect(log).not.toHaveBeenCalled();
    runWithRequestContext(context, () => reportRenderError(lostConnection(), { routePath: "/requests/[id]", routeType: "action" }));
    expect(context.databaseUnavailable).toBe(true);
    log.mockRestore();
  });
});
