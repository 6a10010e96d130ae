/**
 * The supervision queue's four counts without reading every item: the supervision tab from
 * the open read model; contested returns, unchecked withdrawals and this quarter's bulletin
 * entries are small sets, each read on an index of its own (the bulletin's on
 * Request.bulletinAt, the time of each item's BULLETIN ledger entry).
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
        (SELECT count(*) FROM "Request"
          WHERE "bulletinAt" >= ${quarter.start}::timestamptz AND "bulletinAt" < ${quarter.end}::timestamptz
            AND "inBulletin")::int AS bulletin`,
  ]);
  return { supervision, ...small! };
}
