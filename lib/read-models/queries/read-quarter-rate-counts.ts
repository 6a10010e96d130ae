/**
 * A quarter's reply and satisfaction counts from the quarter read models, with the
 * ranking's definitions: items forwarded in the quarter, per responsible bank; owed an
 * answer when answered or when their deadline has passed by `cutoff` (an item withdrawn
 * unanswered before its deadline is owed nothing). `bankOrgIds` null means every bank.
 */
import { Prisma } from "@/lib/generated/prisma/client";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TRateCounts = {
  received: number;
  owed: number;
  answered: number;
  onTime: number;
  financingAnswered: number;
  financingGranted: number;
  rated: number;
  satisfied: number;
};

export type TRateQuery = { programId: string; quarterStart: string; cutoff: Date; bankOrgIds: readonly string[] | null };

export async function readQuarterRateCounts(db: TDb, q: TRateQuery): Promise<TRateCounts> {
  const banks = q.bankOrgIds === null ? Prisma.empty : Prisma.sql`AND "bankId" = ANY(${[...q.bankOrgIds]}::uuid[])`;
  const [row] = await db.$queryRaw<TRateCounts[]>`
    WITH sums AS (
      SELECT coalesce(sum(received), 0)::int AS received, coalesce(sum(answered), 0)::int AS answered,
             coalesce(sum("onTime"), 0)::int AS "onTime", coalesce(sum("financingAnswered"), 0)::int AS "financingAnswered",
             coalesce(sum("financingGranted"), 0)::int AS "financingGranted", coalesce(sum(rated), 0)::int AS rated,
             coalesce(sum(satisfied), 0)::int AS satisfied
        FROM "RequestQuarterTally"
       WHERE "programId" = ${q.programId}::uuid AND "quarterStart" = ${q.quarterStart}::date ${banks}
    ),
    due AS (
      SELECT coalesce(sum(n), 0)::int AS n FROM "RequestOwedTally"
       WHERE "programId" = ${q.programId}::uuid AND "quarterStart" = ${q.quarterStart}::date ${banks}
         AND "dueAt" <= ${q.cutoff}::timestamptz
    )
    SELECT s.*, (s.answered + d.n)::int AS owed FROM sums s, due d`;
  return row!;
}
