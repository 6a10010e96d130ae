/**
 * The public portal's headline statistics for the current year, city-wide, in ONE
 * set-based statement. Public program statistics: no tenant data leaves, so no
 * organization scope. The written definitions are portal.stats.*.definition; they are:
 *
 * - The year: the Shanghai calendar year of `now`, counted up to `now`.
 * - Requests handled (受理诉求): items enterprises submitted in the year (drafts never were).
 * - On-time reply rate (限时答复率): of the items parks forwarded to banks in the year that
 *   are owed an answer by now (answered, or past their deadline; an item the enterprise
 *   withdrew unanswered before its deadline is owed nothing), the share whose FIRST answer
 *   came on time — the answer step's own onTime verdict, else first answer ≤ dueAt. The
 *   same rule as the quarterly ranking (lib/ranking/queries/quarter-item-stats.ts).
 * - Satisfaction rate (满意率): of the items submitted in the year that the enterprise has
 *   rated, the share rated 满意 or 基本满意 (the latest rating).
 * - Loans granted (授信放款): loan outcomes granted in the year (grant date; a row without
 *   one counts on the Shanghai day it was recorded), their number and total amount.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiYear, yearWindow } from "../rules";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

/** Plain JSON (no bigint, no Date), so a cache can store it as is. */
export type THeadlineStats = {
  year: number;
  /** ISO instant the numbers are counted up to. */
  asOf: string;
  requestsHandled: number;
  repliesOwed: number;
  repliedOnTime: number;
  rated: number;
  satisfied: number;
  loansGranted: number;
  /** Decimal string of integer fen. */
  loanAmountFen: string;
};

type TRow = Omit<THeadlineStats, "year" | "asOf">;

export async function getHeadlineStats(db: TDb, now: Date = new Date()): Promise<THeadlineStats> {
  const year = shanghaiYear(now);
  const [row] = await db.$queryRaw<TRow[]>(headlineStatsSql(year, now));
  return {
    year,
    asOf: now.toISOString(),
    requestsHandled: row?.requestsHandled ?? 0,
    repliesOwed: row?.repliesOwed ?? 0,
    repliedOnTime: row?.repliedOnTime ?? 0,
    rated: row?.rated ?? 0,
    satisfied: row?.satisfied ?? 0,
    loansGranted: row?.loansGranted ?? 0,
    loanAmountFen: row?.loanAmountFen ?? "0",
  };
}

/** The statement itself (a benchmark can EXPLAIN it). */
export function headlineStatsSql(year: number, now: Date): Prisma.Sql {
  const { start, end } = yearWindow(year);
  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;
  return Prisma.sql`
    WITH submitted AS (
      SELECT count(*)::int AS handled,
             count(*) FILTER (WHERE r.rating IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE r.rating IN ('SATISFIED', 'BASICALLY_SATISFIED'))::int AS satisfied
        FROM "Request" r
       WHERE r."submittedAt" >= ${start}::timestamptz AND r."submittedAt" < ${end}::timestamptz
         AND r."submittedAt" <= ${now}::timestamptz
    ),
    forwarded AS (
      SELECT r.id, r."dueAt"
        FROM "Request" r
       WHERE r."forwardedAt" >= ${start}::timestamptz AND r."forwardedAt" < ${end}::timestamptz
         AND r."forwardedAt" <= ${now}::timestamptz
    ),
    -- Every ordered aggregate sorts by seq, so PostgreSQL sorts each request's entries once.
    hist AS (
      SELECT e."requestId" AS id,
             min(e."occurredAt") FILTER (WHERE e.action = 'ANSWER') AS first_answer_at,
             (array_agg(e.content->>'onTime' ORDER BY e.seq) FILTER (WHERE e.action = 'ANSWER'))[1] AS first_on_time,
             min(e."occurredAt") FILTER (WHERE e.action = 'WITHDRAW') AS withdrawn_at
        FROM "LedgerEntry" e JOIN forwarded f ON f.id = e."requestId"
       WHERE e.action IN ('ANSWER', 'WITHDRAW') AND e."occurredAt" <= ${now}::timestamptz
       GROUP BY e."requestId"
    ),
    replies AS (
      SELECT count(*) FILTER (WHERE owed)::int AS owed,
             count(*) FILTER (WHERE owed AND on_time)::int AS on_time
        FROM (
          SELECT h.first_answer_at IS NOT NULL
                   AND coalesce(h.first_on_time::boolean, h.first_answer_at <= f."dueAt") AS on_time,
                 (h.first_answer_at IS NOT NULL OR f."dueAt" <= ${now}::timestamptz)
                   AND NOT (h.first_answer_at IS NULL AND h.withdrawn_at IS NOT NULL AND h.withdrawn_at <= f."dueAt") AS owed
            FROM forwarded f LEFT JOIN hist h ON h.id = f.id
        ) x
    ),
    loans AS (
      SELECT count(*)::int AS granted, coalesce(sum(l."amountFen"), 0)::text AS amount
        FROM "LoanOutcome" l
       WHERE coalesce(l."grantedOn", (l."createdAt" AT TIME ZONE 'Asia/Shanghai')::date)
               BETWEEN ${firstDay}::date AND ${lastDay}::date
         AND l."createdAt" <= ${now}::timestamptz
    )
    SELECT s.handled AS "requestsHandled", p.owed AS "repliesOwed", p.on_time AS "repliedOnTime",
           s.rated, s.satisfied, l.granted AS "loansGranted", l.amount AS "loanAmountFen"
      FROM submitted s, replies p, loans l`;
}
