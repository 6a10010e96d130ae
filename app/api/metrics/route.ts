import { timingSafeEqual } from "node:crypto";
import { readJobQueueStats } from "@/lib/jobs/queries/read-job-queue-stats";
import { metrics } from "@/lib/observability/metrics";
import { setQueueGauges } from "@/lib/observability/set-queue-gauges";
import { db } from "@/lib/server/db";
import { metricsToken } from "@/lib/server/env";
import { defineRoute, textResponse } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// Prometheus metrics of this instance (lib/observability/metrics.ts) and of the shared job
// queue. Public to the route wrapper because Prometheus has no session: it must send
// `Authorization: Bearer <METRICS_TOKEN>`. Without the token (or with METRICS_TOKEN unset)
// the endpoint does not exist: 404, as for a page a role may not see.
export const GET = defineRoute({
  name: "metrics",
  policy: "public",
  refusals: "text",
  async handler({ request }) {
    if (!bearerMatches(request.headers.get("authorization"), metricsToken())) return textResponse(404, "Not Found");
    const m = metrics();
    const now = new Date();
    setQueueGauges(m, await readJobQueueStats(db(), now), now);
    return new Response(await m.registry.metrics(), {
      headers: { "Content-Type": m.registry.contentType, "Cache-Control": "no-store" },
    });
  },
});

function bearerMatches(header: string | null, token: string | null): boolean {
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
