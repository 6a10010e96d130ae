/**
 * The public portal's headline statistics for the current year, city-wide. Public program statistics: no tenant data leaves, so no
 * organization scope. The written definitions are portal.stats.*.definition; they are:
 *
 * - The year: the Shanghai calendar year of `now`, counted up to `now`.
 * - Requests handled (受理诉求): items enterprises submitted in the year (drafts never were).
 * - On-time reply rate (限时答复率): of the items parks forwarded to banks in the year that
 *   are owed an answer by now (answered, or past their deadline; an item the enterprise
 *   withdrew unanswered before its deadline is owed nothing), the share whose FIRST answer
 *   came on time — the answer step's own onTime verdict, else first answer ≤ dueAt. The
 *   same rule as the quarterly ranking (lib/ranking/queries/query-item-stats.ts).
 * - Satisfaction rate (满意率): of the items submitted in the year that the enterprise has
 *   rated, the share rated 满意 or 基本满意 (the latest rating).
 * - Loans granted (授信放款): loan outcomes granted in the year (grant date; a row without
 *   one counts on the Shanghai day it was recorded), their number and total amount.
 *
 * Read from the read models (a few rows for the year), so every view is current.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { readYearHeadline, type TYearHeadline } from "@/lib/read-models/queries/read-year-headline";
import { shanghaiYear } from "@/lib/portal/rules";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

/** Plain JSON (no bigint, no Date). */
export type THeadlineStats = TYearHeadline & {
  year: number;
  /** ISO instant the numbers are counted up to. */
  asOf: string;
};

export async function getHeadlineStats(db: TDb, now: Date = new Date()): Promise<THeadlineStats> {
  const year = shanghaiYear(now);
  return { year, asOf: now.toISOString(), ...(await readYearHeadline(db, year, now)) };
}
