/**
 * The job queue's and the ledger check's state for the metrics endpoint: the due backlog as
 * the readiness probe reads it (readJobBacklog, capped along the (status, runAt) index), and
 * the rest in one statement of index lookups (the unique dedupeKey, the one-row
 * LedgerCheckState, the small LedgerIntegrityIssue table), cheap enough for every scrape.
 * The latest deadline scan is found by the dedupe keys of the last hour's slots, never by
 * scanning the DONE jobs (e-mails make those many).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEADLINE_SCAN_SLOT_MS, deadlineScanDedupeKey } from "@/lib/jobs/rules";
import { readJobBacklog } from "./read-job-backlog";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw" | "$queryRawUnsafe">;

// Past this many due jobs the gauge says "at least this many": the count stops there.
const DUE_JOBS_COUNTED = 100_000;

export type TJobQueueStats = {
  dueJobs: number;
  oldestDueAt: Date | null;
  runningJobs: number;
  failedJobs: number;
  lastDeadlineScan: { startedAt: Date | null; finishedAt: Date } | null;
  ledgerIssues: number;
  ledgerCheckedAt: Date | null;
};

const SCAN_SLOTS_LOOKED_AT = 12;

export async function readJobQueueStats(db: TDb, now: Date): Promise<TJobQueueStats> {
  const keys = Array.from({ length: SCAN_SLOTS_LOOKED_AT }, (_, i) =>
    deadlineScanDedupeKey(new Date(now.getTime() - i * DEADLINE_SCAN_SLOT_MS)),
  );
  const [row] = await db.$queryRawUnsafe<
    Array<{
      running: number;
      failed: number;
      scanStartedAt: Date | null;
      scanFinishedAt: Date | null;
      ledgerIssues: number;
      ledgerCheckedAt: Date | null;
    }>
  >(
    `SELECT (SELECT count(*) FROM "Job" WHERE status = 'RUNNING')::int AS running,
            (SELECT count(*) FROM "Job" WHERE status = 'FAILED')::int AS failed,
            s."startedAt" AS "scanStartedAt", s."finishedAt" AS "scanFinishedAt",
            (SELECT count(*) FROM "LedgerIntegrityIssue")::int AS "ledgerIssues",
            (SELECT "updatedAt" FROM "LedgerCheckState" WHERE id = 1) AS "ledgerCheckedAt"
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT "startedAt", "finishedAt" FROM "Job"
          WHERE "dedupeKey" = ANY($1::text[]) AND status = 'DONE'
          ORDER BY "finishedAt" DESC LIMIT 1
       ) s ON true`,
    keys,
  );
  const backlog = await readJobBacklog(db, { now, cap: DUE_JOBS_COUNTED });
  return {
    dueJobs: backlog.due,
    oldestDueAt: backlog.oldestDueAt,
    runningJobs: row!.running,
    failedJobs: row!.failed,
    lastDeadlineScan: row!.scanFinishedAt ? { startedAt: row!.scanStartedAt, finishedAt: row!.scanFinishedAt } : null,
    ledgerIssues: row!.ledgerIssues,
    ledgerCheckedAt: row!.ledgerCheckedAt,
  };
}
