// Next.js calls register() once when a server instance starts (Node.js and edge
// runtimes alike). Only the Node.js server runs the background jobs; the import stays
// inside the check so the edge bundle never sees pg or Prisma.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobsInProcess } = await import("./lib/jobs/start-in-process");
  startJobsInProcess();
}
