import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/observability/logger";
import { findFreePort } from "@/scripts/db/embedded-postgres";
import { databaseUrl, withDatabase } from "./harness";

// The route handler reads DATABASE_URL through lib/server/env.ts and keeps one client
// per process: reload both for each case.
async function loadHealthRoute(url: string) {
  process.env.DATABASE_URL = url;
  delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
  vi.resetModules();
  return import("@/app/api/health/route");
}

describe("GET /api/health", () => {
  afterEach(() => {
    process.env.DATABASE_URL = databaseUrl();
  });

  it("answers 200 ok when the database answers", async () => {
    const { GET } = await loadHealthRoute(databaseUrl());
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const closedPort = await findFreePort();
    const unreachable = new URL(withDatabase(databaseUrl(), "rongqiao"));
    unreachable.port = String(closedPort);
    const { GET } = await loadHealthRoute(unreachable.toString());
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", db: "unreachable" });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
