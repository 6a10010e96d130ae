import type { Instrumentation } from "next";

// Next.js calls register() once when a server instance starts (Node.js and edge
// runtimes alike). Only the Node.js server checks its database role and runs the
// background jobs; the imports stay inside the check so the edge bundle never sees pg or
// Prisma.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const [{ checkDatabaseRole, databaseRoleRefusal }, { db }, { logger }] = await Promise.all([
      import("./lib/server/database-role-check"),
      import("./lib/server/db"),
      import("./lib/observability/logger"),
    ]);
    const check = await checkDatabaseRole(db()).catch((error: unknown) => {
      // Without an answer the role cannot be vouched for; a supervisor (systemd) restarts the server.
      logger.fatal({ err: error }, "RongQiao will not start: the database did not answer the role check");
      process.exit(1);
    });
    if (check.problems.length > 0) {
      logger.fatal({ problems: check.problems }, databaseRoleRefusal(check));
      process.exit(1);
    }
  }
  const { startJobsInProcess } = await import("./lib/server/start-jobs-in-process");
  startJobsInProcess();
}

// Every error thrown while Next renders a page or runs a route or action: logged with the
// request id and counted (lib/server/report-render-error.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, _request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRenderError } = await import("./lib/server/report-render-error");
  reportRenderError(error, context);
};
