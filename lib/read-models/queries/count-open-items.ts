/**
 * Counts of items whose reply clock can run (FORWARDED, SIGNED, ESCALATED), from the open
 * read model: each row holds the items of one bank, park, state and deadline, so "overdue
 * at `now`" and "due later today" are sums over a few rows, whatever the number of items.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TOpenFilter = {
  statuses: readonly RequestStatus[];
  /** Only items not answered (answeredAt empty); undefined counts both. */
  unanswered?: boolean;
  bankIds?: readonly string[];
  parkId?: string;
};

export type TDeadlineBands = {
  total: number;
  /** dueAt < now. */
  overdue: number;
  /** now <= dueAt <= dueTodayEnd. */
  dueToday: number;
};

function where(f: TOpenFilter): Prisma.Sql {
  return Prisma.sql`status::text = ANY(${[...f.statuses]}::text[])
    ${f.unanswered === undefined ? Prisma.empty : Prisma.sql`AND answered = ${!f.unanswered}`}
    ${f.bankIds === undefined ? Prisma.empty : Prisma.sql`AND "bankKey" = ANY(${[...f.bankIds]}::uuid[])`}
    ${f.parkId === undefined ? Prisma.empty : Prisma.sql`AND "parkId" = ${f.parkId}::uuid`}`;
}

export async function countDeadlineBands(db: TDb, filter: TOpenFilter, now: Date, dueTodayEnd: Date): Promise<TDeadlineBands> {
  const [row] = await db.$queryRaw<TDeadlineBands[]>`
    SELECT coalesce(sum(n), 0)::int AS total,
           coalesce(sum(n) FILTER (WHERE "dueKey" < ${now}::timestamptz), 0)::int AS overdue,
           coalesce(sum(n) FILTER (WHERE "dueKey" >= ${now}::timestamptz AND "dueKey" <= ${dueTodayEnd}::timestamptz), 0)::int AS "dueToday"
      FROM "RequestOpenTally" WHERE ${where(filter)}`;
  return row ?? { total: 0, overdue: 0, dueToday: 0 };
}

/**
 * The supervision tab's count: every ESCALATED item, plus running items not answered that
 * are past their deadline or were passed on to another bank.
 */
export async function countUnderSupervision(db: TDb, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(n) FILTER (WHERE status = 'ESCALATED'
                                      OR (NOT answered AND ("dueKey" < ${now}::timestamptz OR passed))), 0)::int AS n
      FROM "RequestOpenTally"`;
  return row?.n ?? 0;
}

export type TOverdueByBankPark = { bankOrgId: string; bankName: string; parkId: string; parkName: string; parkCode: string; count: number };

/** Running, unanswered and past dueAt, by top-level bank (a branch counts for its head) and park. */
export async function countOverdueByBankAndPark(db: TDb, now: Date): Promise<TOverdueByBankPark[]> {
  return db.$queryRaw<TOverdueByBankPark[]>`
    WITH RECURSIVE heads(id, head_id) AS (
      SELECT id, id FROM "Organization" WHERE kind = 'BANK' AND "parentId" IS NULL
      UNION ALL
      SELECT o.id, h.head_id FROM "Organization" o JOIN heads h ON o."parentId" = h.id
    ),
    overdue AS (
      SELECT "bankKey", "parkId", sum(n)::int AS count FROM "RequestOpenTally"
       WHERE NOT answered AND "dueKey" < ${now}::timestamptz
       GROUP BY 1, 2 HAVING sum(n) <> 0
    )
    SELECT h.head_id::text AS "bankOrgId", b.name AS "bankName", t."parkId"::text AS "parkId",
           coalesce(po."shortName", po.name) AS "parkName", p.code AS "parkCode", sum(t.count)::int AS count
      FROM overdue t
      JOIN heads h ON h.id = t."bankKey"
      JOIN "Organization" b ON b.id = h.head_id
      JOIN "Park" p ON p.id = t."parkId"
      JOIN "Organization" po ON po.id = p."orgId"
     GROUP BY 1, 2, 3, 4, 5`;
}
