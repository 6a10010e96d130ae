import { pingDatabase } from "@/lib/portal/queries/ping-database";
import { defineRoute } from "@/lib/server/route";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

// Liveness plus a database round trip, for load balancers and monitoring. Public: a probe
// has no session, and the answer says nothing but "up" or "database unreachable".
export const GET = defineRoute({
  name: "health",
  policy: "public",
  refusals: "json",
  async handler() {
    try {
      await pingDatabase(db());
      return Response.json({ status: "ok", db: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check: database unreachable");
      return Response.json({ status: "error", db: "unreachable" }, { status: 503 });
    }
  },
});
