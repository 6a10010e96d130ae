import type { TJobQueueStats } from "@/lib/jobs/queries/read-job-queue-stats";
import type { TMetrics } from "./metrics";

/** Puts the queue's and the ledger check's state, as read at scrape time, into the gauges. */
export function setQueueGauges(m: TMetrics, stats: TJobQueueStats, now: Date): void {
  const age = (at: Date | null) => (at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : 0);
  m.jobQueueDepth.set(stats.dueJobs);
  m.oldestDueJobAge.set(age(stats.oldestDueAt));
  m.jobsRunning.set(stats.runningJobs);
  m.failedJobs.set(stats.failedJobs);
  m.ledgerIntegrityIssues.set(stats.ledgerIssues);
  if (stats.ledgerCheckedAt) m.ledgerLastCheckAge.set(age(stats.ledgerCheckedAt));
  else m.ledgerLastCheckAge.reset();
  const scan = stats.lastDeadlineScan;
  if (scan?.startedAt) m.deadlineScanLastDuration.set((scan.finishedAt.getTime() - scan.startedAt.getTime()) / 1000);
  else m.deadlineScanLastDuration.reset();
  if (scan) m.deadlineScanLastAge.set(age(scan.finishedAt));
  else m.deadlineScanLastAge.reset();
}
