/**
 * The item side of the quarter (答复率、限时答复率、平均首次答复用时、融资满足率、企业满意率、
 * 督办件、逾期件) for every ranked bank in ONE set-based statement, with up to
 * COST_ITEMS_PER_INDICATOR items per bank and indicator that cost points (and how many
 * there are in all).
 *
 * Definitions (the written ones are indicators.<key>.definition):
 * - Ranked banks: banks with a park pairing (MAIN or PARTICIPATING) in the program for the
 *   quarter's year that had not ended before the quarter began.
 * - An item is the bank's when it is assigned (PRIMARY route) to the bank or to any branch
 *   or sub-branch below it; below another ranked bank it is that nearer bank's.
 * - The quarter's items: forwarded by the park in the Shanghai calendar quarter (and by the
 *   cut-off). Each item is judged once, in the quarter it was forwarded, on its ledger up
 *   to the cut-off — so a later answer cannot move it into another quarter.
 * - Owed an answer: answered by the cut-off, or its deadline passed by the cut-off; an
 *   item the enterprise withdrew unanswered before its deadline is owed nothing.
 * - On time: the first ANSWER's onTime, i.e. at or before the deadline in force then
 *   (recorded by the answer step; failing that, compared with the item's dueAt).
 * - Financing satisfaction, ratings: the latest answer / latest rating by the cut-off.
 * - Escalated: put under supervision for missing the deadline (ESCALATE with reason
 *   OVERDUE) by the cut-off. UNSOLVABLE (the bank's honest "cannot do") and PASSED are
 *   workflow routes the program asks for and do not count.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { TIndicatorKey } from "@/lib/ranking/indicators";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

export const COST_ITEMS_PER_INDICATOR = 50;

export type TItemStatsRow = {
  bankOrgId: string;
  received: number;
  owed: number;
  answered: number;
  onTime: number;
  overdue: number;
  answerDaysSum: number | null;
  financingAnswered: number;
  financingGranted: number;
  rated: number;
  satisfied: number;
  escalated: number;
  costItems: Array<{ indicator: TIndicatorKey; requestId: string; serial: string; reason: string; total: number }> | null;
};

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

/** The CTEs shared with the loan query: ranked banks of the program and quarter. */
export function rankedBanksSql(programId: string, window: TQuarterWindow): Prisma.Sql {
  return Prisma.sql`ranked AS (
    SELECT DISTINCT p."bankOrgId" AS id
      FROM "ParkBankPairing" p
     WHERE p."programId" = ${programId}::uuid AND p.year = ${window.year}::int
       AND (p."endedAt" IS NULL OR p."endedAt" > ${window.start}::timestamptz)
  )`;
}

type TItemStatsParams = { programId: string; window: TQuarterWindow; cutoff: Date; dayIndex: number[] };

export async function queryItemStats(db: TDb, params: TItemStatsParams): Promise<TItemStatsRow[]> {
  return db.$queryRaw<TItemStatsRow[]>(itemStatsSql(params));
}

/** The statement itself (the benchmark EXPLAINs it). */
export function itemStatsSql(params: TItemStatsParams): Prisma.Sql {
  const { programId, window, cutoff, dayIndex } = params;
  const base = window.start;
  return Prisma.sql`
    WITH RECURSIVE ${rankedBanksSql(programId, window)},
    tree(org_id, bank_id) AS (
      SELECT id, id FROM ranked
      UNION ALL
      SELECT o.id, t.bank_id FROM "Organization" o JOIN tree t ON o."parentId" = t.org_id
       WHERE NOT EXISTS (SELECT 1 FROM ranked x WHERE x.id = o.id)
    ),
    items AS (
      SELECT r.id, r.serial, r.type, r."forwardedAt", r."dueAt", t.bank_id
        FROM "Request" r JOIN tree t ON t.org_id = r."assignedBankId"
       WHERE r."programId" = ${programId}::uuid
         AND r."forwardedAt" >= ${window.start}::timestamptz AND r."forwardedAt" < ${window.end}::timestamptz
         AND r."forwardedAt" <= ${cutoff}::timestamptz
    ),
    -- The ledger of the quarter's requests (joined to Request, not to items: the planner
    -- estimates that well). Every ordered aggregate uses ORDER BY seq, so PostgreSQL sorts
    -- the input once instead of once per request and aggregate.
    hist AS (
      SELECT e."requestId" AS id,
             min(e."occurredAt") FILTER (WHERE e.action = 'ANSWER') AS first_answer_at,
             array_agg(e.content->>'onTime' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER') AS on_times,
             array_agg(e.content->>'answerKind' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER') AS kinds,
             array_agg(e.content->>'rating' ORDER BY e.seq) FILTER (WHERE e.action = 'RATE') AS ratings,
             bool_or(e.action = 'ESCALATE' AND e.content->>'reason' = 'OVERDUE') AS escalated,
             min(e."occurredAt") FILTER (WHERE e.action = 'WITHDRAW') AS withdrawn_at
        FROM "LedgerEntry" e JOIN "Request" r ON r.id = e."requestId"
       WHERE r."programId" = ${programId}::uuid
         AND r."forwardedAt" >= ${window.start}::timestamptz AND r."forwardedAt" < ${window.end}::timestamptz
         AND e.action IN ('ANSWER', 'RATE', 'ESCALATE', 'WITHDRAW')
         AND e."occurredAt" >= ${window.start}::timestamptz AND e."occurredAt" <= ${cutoff}::timestamptz
       GROUP BY e."requestId"
    ),
    facts AS (
      SELECT i.id, i.serial, i.type, i.bank_id, h.first_answer_at,
             h.kinds[cardinality(h.kinds)] AS last_kind, h.ratings[cardinality(h.ratings)] AS rating,
             coalesce(h.escalated, false) AS escalated,
             h.first_answer_at IS NOT NULL AS answered,
             h.first_answer_at IS NOT NULL
               AND coalesce((h.on_times[1])::boolean, h.first_answer_at <= i."dueAt") AS on_time,
             (h.first_answer_at IS NOT NULL OR i."dueAt" <= ${cutoff}::timestamptz)
               AND NOT (h.first_answer_at IS NULL AND h.withdrawn_at IS NOT NULL AND h.withdrawn_at <= i."dueAt") AS owed,
             (${dayIndex}::int[])[((h.first_answer_at AT TIME ZONE 'Asia/Shanghai')::date - (${base}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date) + 1]
               - (${dayIndex}::int[])[((i."forwardedAt" AT TIME ZONE 'Asia/Shanghai')::date - (${base}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date) + 1]
               AS answer_days
        FROM items i LEFT JOIN hist h ON h.id = i.id
    ),
    stats AS (
      SELECT bank_id,
             count(*)::int AS received,
             count(*) FILTER (WHERE owed)::int AS owed,
             count(*) FILTER (WHERE answered)::int AS answered,
             count(*) FILTER (WHERE on_time)::int AS on_time,
             count(*) FILTER (WHERE owed AND NOT on_time)::int AS overdue,
             sum(answer_days) FILTER (WHERE answered)::int AS answer_days_sum,
             count(*) FILTER (WHERE type = 'FINANCING' AND last_kind IS NOT NULL)::int AS financing_answered,
             count(*) FILTER (WHERE type = 'FINANCING' AND last_kind = 'GRANTED')::int AS financing_granted,
             count(*) FILTER (WHERE rating IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED'))::int AS satisfied,
             count(*) FILTER (WHERE escalated)::int AS escalated
        FROM facts GROUP BY bank_id
    ),
    reasons AS (
      SELECT bank_id, id, serial, 'notAnswered' AS reason FROM facts WHERE owed AND NOT answered
      UNION ALL SELECT bank_id, id, serial, 'answeredLate' FROM facts WHERE answered AND NOT on_time
      UNION ALL SELECT bank_id, id, serial, 'notGranted' FROM facts WHERE type = 'FINANCING' AND last_kind <> 'GRANTED'
      UNION ALL SELECT bank_id, id, serial, 'dissatisfied' FROM facts WHERE rating = 'DISSATISFIED'
      UNION ALL SELECT bank_id, id, serial, 'escalatedOverdue' FROM facts WHERE escalated
    ),
    costs AS (
      SELECT x.bank_id, m.indicator, x.id, x.serial, x.reason,
             row_number() OVER w AS n, count(*) OVER (PARTITION BY x.bank_id, m.indicator) AS total
        FROM reasons x
        JOIN (VALUES ('notAnswered', 'replyRate'), ('notAnswered', 'onTimeReplyRate'), ('notAnswered', 'overdueItems'),
                     ('answeredLate', 'onTimeReplyRate'), ('answeredLate', 'overdueItems'), ('answeredLate', 'avgDaysToFirstAnswer'),
                     ('notGranted', 'financingSatisfactionRate'), ('dissatisfied', 'enterpriseSatisfactionRate'),
                     ('escalatedOverdue', 'escalatedItems')) AS m(reason, indicator) ON m.reason = x.reason
      WINDOW w AS (PARTITION BY x.bank_id, m.indicator ORDER BY x.serial)
    ),
    cost_json AS (
      SELECT bank_id,
             json_agg(json_build_object('indicator', indicator, 'requestId', id::text, 'serial', serial, 'reason', reason, 'total', total)
                      ORDER BY indicator, serial) AS items
        FROM costs WHERE n <= ${COST_ITEMS_PER_INDICATOR}::int GROUP BY bank_id
    )
    SELECT s.bank_id::text AS "bankOrgId", s.received, s.owed, s.answered, s.on_time AS "onTime", s.overdue,
           s.answer_days_sum AS "answerDaysSum", s.financing_answered AS "financingAnswered",
           s.financing_granted AS "financingGranted", s.rated, s.satisfied, s.escalated, c.items AS "costItems"
      FROM stats s LEFT JOIN cost_json c ON c.bank_id = s.bank_id`;
}
