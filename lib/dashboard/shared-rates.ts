/**
 * Reply, on-time and satisfaction rates of a quarter's items, with the ranking's own
 * definitions (lib/ranking/queries/quarter-item-stats.ts, the "indicators" messages):
 * the items forwarded in the quarter (by the cut-off), owed an answer when answered or
 * past their deadline (an item withdrawn unanswered before its deadline is owed nothing),
 * on time by the first ANSWER's recorded onTime (else its time vs dueAt), satisfaction by
 * the latest answer / rating. One set-based statement; `bankOrgIds` null means every bank
 * (city-wide), otherwise only items assigned to those organizations.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

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

export type TQuarterRates = TRateCounts & {
  /** Percent with two decimals; null when nothing is owed / rated (shown as "—"). */
  replyRate: number | null;
  onTimeReplyRate: number | null;
  financingSatisfactionRate: number | null;
  enterpriseSatisfactionRate: number | null;
};

/** Percent rounded to two decimals, as lib/ranking/indicator-values.ts rounds it. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round(((part / whole) * 100 + Number.EPSILON) * 100) / 100 : null;
}

export function ratesOf(c: TRateCounts): TQuarterRates {
  return {
    ...c,
    replyRate: percentOf(c.answered, c.owed),
    onTimeReplyRate: percentOf(c.onTime, c.owed),
    financingSatisfactionRate: percentOf(c.financingGranted, c.financingAnswered),
    enterpriseSatisfactionRate: percentOf(c.satisfied, c.rated),
  };
}

export type TRatesParams = { programId: string; window: TQuarterWindow; cutoff: Date; bankOrgIds: string[] | null };

export async function queryQuarterRates(db: TDb, params: TRatesParams): Promise<TQuarterRates> {
  const { programId, window, cutoff, bankOrgIds } = params;
  if (bankOrgIds !== null && bankOrgIds.length === 0) return ratesOf(ZERO);
  const bankFilter = bankOrgIds === null ? Prisma.sql`r."assignedBankId" IS NOT NULL` : Prisma.sql`r."assignedBankId" = ANY(${bankOrgIds}::uuid[])`;
  const rows = await db.$queryRaw<TRateCounts[]>`
    WITH items AS (
      SELECT r.id, r.type, r."dueAt" FROM "Request" r
       WHERE r."programId" = ${programId}::uuid AND ${bankFilter}
         AND r."forwardedAt" >= ${window.start}::timestamptz AND r."forwardedAt" < ${window.end}::timestamptz
         AND r."forwardedAt" <= ${cutoff}::timestamptz
    ),
    hist AS (
      SELECT e."requestId" AS id,
             min(e."occurredAt") FILTER (WHERE e.action = 'ANSWER') AS first_answer_at,
             array_agg(e.content->>'onTime' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER') AS on_times,
             array_agg(e.content->>'answerKind' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER') AS kinds,
             array_agg(e.content->>'rating' ORDER BY e.seq) FILTER (WHERE e.action = 'RATE') AS ratings,
             min(e."occurredAt") FILTER (WHERE e.action = 'WITHDRAW') AS withdrawn_at
        FROM "LedgerEntry" e JOIN items i ON i.id = e."requestId"
       WHERE e.action IN ('ANSWER', 'RATE', 'WITHDRAW')
         AND e."occurredAt" >= ${window.start}::timestamptz AND e."occurredAt" <= ${cutoff}::timestamptz
       GROUP BY e."requestId"
    ),
    facts AS (
      SELECT i.type, h.first_answer_at IS NOT NULL AS answered,
             h.first_answer_at IS NOT NULL AND coalesce((h.on_times[1])::boolean, h.first_answer_at <= i."dueAt") AS on_time,
             (h.first_answer_at IS NOT NULL OR i."dueAt" <= ${cutoff}::timestamptz)
               AND NOT (h.first_answer_at IS NULL AND h.withdrawn_at IS NOT NULL AND h.withdrawn_at <= i."dueAt") AS owed,
             h.kinds[cardinality(h.kinds)] AS last_kind, h.ratings[cardinality(h.ratings)] AS rating
        FROM items i LEFT JOIN hist h ON h.id = i.id
    )
    SELECT count(*)::int AS received,
           count(*) FILTER (WHERE owed)::int AS owed,
           count(*) FILTER (WHERE answered)::int AS answered,
           count(*) FILTER (WHERE on_time)::int AS "onTime",
           count(*) FILTER (WHERE type = 'FINANCING' AND last_kind IS NOT NULL)::int AS "financingAnswered",
           count(*) FILTER (WHERE type = 'FINANCING' AND last_kind = 'GRANTED')::int AS "financingGranted",
           count(*) FILTER (WHERE rating IS NOT NULL)::int AS rated,
           count(*) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED'))::int AS satisfied
      FROM facts`;
  return ratesOf(rows[0] ?? ZERO);
}

const ZERO: TRateCounts = { received: 0, owed: 0, answered: 0, onTime: 0, financingAnswered: 0, financingGranted: 0, rated: 0, satisfied: 0 };
