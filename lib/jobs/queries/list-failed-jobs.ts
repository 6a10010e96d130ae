/**
 * The FAILED jobs (all attempts used) for the finance administrator's page, newest first:
 * few by nature, read on the (status, runAt) index. The stored error is already masked
 * (errorText); the payload is not shown (it holds ids only, and nothing a person acts on).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TFailedJobRow = {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date | null;
  createdAt: Date;
};

export const FAILED_JOBS_SHOWN = 200;

export async function listFailedJobs(db: PrismaClient): Promise<{ rows: TFailedJobRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.job.findMany({
      where: { status: "FAILED" },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: FAILED_JOBS_SHOWN,
      select: { id: true, kind: true, attempts: true, lastError: true, finishedAt: true, createdAt: true },
    }),
    db.job.count({ where: { status: "FAILED" } }),
  ]);
  return { rows: rows.map(({ id, finishedAt, ...rest }) => ({ ...rest, id: id.toString(), failedAt: finishedAt })), total };
}
