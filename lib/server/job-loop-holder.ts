/**
 * The server's in-process job loop (start-jobs-in-process.ts), kept on globalThis so the
 * server entry (scripts/server.ts), which shares no module instance with Next's bundle,
 * can stop it on SIGTERM without loading the job handlers itself.
 */
import type { TJobLoop } from "@/lib/jobs/job-loop";

const holder = globalThis as unknown as { rongqiaoJobLoop?: TJobLoop };

export function inProcessJobLoop(): TJobLoop | undefined {
  return holder.rongqiaoJobLoop;
}

export function holdInProcessJobLoop(loop: TJobLoop): void {
  holder.rongqiaoJobLoop = loop;
}

/** Stops the in-process job loop, if this process runs one (see TJobLoop.stop). */
export async function stopInProcessJobLoop(graceMs?: number): Promise<void> {
  await holder.rongqiaoJobLoop?.stop(graceMs);
}
