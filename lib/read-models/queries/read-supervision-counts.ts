/**
 * The supervision queue's four counts without reading every item: the supervision tab from
 * the open read model; contested returns, unchecked withdrawals and this quarter's bulletin
 * entries are small sets, each read on an index of its own.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { countUnderSupervision } from "./count-open-items";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TSupervisionCounts = { supervision: number; disputes: number; withdrawals: number; bulletin: number };

export async function readSupervisionCounts(db: TDb, now: Date, quarter: { start: Date; end: Date }): Promise<TSupervisionCounts> {
  const [supervision, [small]] = await Promise.all([
    countUnderSupervision(db, now),
    db.$queryRaw<Omit<TSupervisionCounts, "supervision">[]>`
      SELECT
        (SELECT count(*) FROM "Request" WHERE status = 'RETURNED' AND "returnDisputedAt" IS NOT NULL)::int AS disputes,
        (SELECT count(*) FROM "Request"
          WHERE status = 'WITHDRAWN' AND "withdrawnAfterAnswer" AND "withdrawalCheckedAt" IS NULL)::int AS withdrawals,
        (SELECT count(DISTINCT e."requestId") FROM "LedgerEntry" e JOIN "Request" r ON r.id = e."requestId"
          WHERE e.action = 'BULLETIN' AND e."occurredAt" >= ${quarter.start}::timestamptz AND e."occurredAt" < ${quarter.end}::timestamptz
            AND r."inBulletin")::int AS bulletin`,
  ]);
  return { supervision, ...small! };
}
