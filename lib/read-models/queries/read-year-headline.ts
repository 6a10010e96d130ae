/**
 * A year's city-wide figures for the public portal, from the read models: items submitted
 * and rated (by year of submission), replies owed and on time (items forwarded in the
 * year's quarters; owed once answered or past their deadline by `now`), loans granted.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TYearHeadline = {
  /** Items submitted in the year. */
  requestsHandled: number;
  rated: number;
  satisfied: number;
  repliesOwed: number;
  repliedOnTime: number;
  loansGranted: number;
  /** Decimal string of integer fen. */
  loanAmountFen: string;
};

export async function readYearHeadline(db: TDb, year: number, now: Date): Promise<TYearHeadline> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const [row] = await db.$queryRaw<TYearHeadline[]>`
    SELECT
      coalesce((SELECT submitted FROM "RequestYearTally" WHERE year = ${year}), 0)::int AS "requestsHandled",
      coalesce((SELECT rated FROM "RequestYearTally" WHERE year = ${year}), 0)::int AS rated,
      coalesce((SELECT satisfied FROM "RequestYearTally" WHERE year = ${year}), 0)::int AS satisfied,
      (coalesce((SELECT sum(answered) FROM "RequestQuarterTally" WHERE "quarterStart" BETWEEN ${first}::date AND ${last}::date), 0)
        + coalesce((SELECT sum(n) FROM "RequestOwedTally"
                     WHERE "quarterStart" BETWEEN ${first}::date AND ${last}::date AND "dueAt" <= ${now}::timestamptz), 0))::int AS "repliesOwed",
      coalesce((SELECT sum("onTime") FROM "RequestQuarterTally" WHERE "quarterStart" BETWEEN ${first}::date AND ${last}::date), 0)::int AS "repliedOnTime",
      coalesce((SELECT granted FROM "LoanYearTally" WHERE year = ${year}), 0)::int AS "loansGranted",
      coalesce((SELECT "amountFen" FROM "LoanYearTally" WHERE year = ${year}), 0)::text AS "loanAmountFen"`;
  return row!;
}
