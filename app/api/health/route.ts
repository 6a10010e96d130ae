import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

// Liveness plus a database round trip, for load balancers and monitoring.
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok" });
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json({ status: "error", db: "unreachable" }, { status: 503 });
  }
}
