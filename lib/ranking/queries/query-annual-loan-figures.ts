/**
 * The annual assessment's return side for every ranked bank of the year, in ONE
 * statement: the year-end figures (the year's fourth-quarter return, summed over its
 * parks), the previous year-end (the previous year's fourth-quarter return), this year's
 * first-quarter opening balance (the base when there is no previous year-end return), and
 * when each of the year's four returns was filed. Only SUBMITTED or ACCEPTED returns
 * count, as in queryLoanFigures; banks are ranked as for the year's first quarter.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import type { TLoanFiguresRow } from "@/lib/ranking/queries/query-loan-figures";
import { rankedBanksSql } from "@/lib/ranking/queries/query-item-stats";

export type TAnnualLoanFiguresRow = TLoanFiguresRow & {
  /** Sum of the previous year's fourth-quarter return; null without one. */
  previousYearEndBalanceFen: string | null;
  previousYearEndBorrowers: number | null;
  /** This year's first-quarter balance minus its increment; null without that return. */
  firstQuarterOpeningFen: string | null;
  /** The year's returns that count, one per quarter filed. */
  returns: Array<{ quarter: number; submittedAt: string; dueAt: string | null }>;
};

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryAnnualLoanFigures(
  db: TDb,
  params: { programId: string; window: TQuarterWindow },
): Promise<TAnnualLoanFiguresRow[]> {
  const { programId, window } = params;
  const year = window.year;
  return db.$queryRaw<TAnnualLoanFiguresRow[]>`
    WITH ${rankedBanksSql(programId, window)},
    valid AS (
      SELECT s.id, s."bankOrgId", s.year, s.quarter, s."submittedAt", s."dueAt"
        FROM "QuarterlySubmission" s JOIN ranked r ON r.id = s."bankOrgId"
       WHERE s."programId" = ${programId}::uuid
         AND (s.year = ${year}::int OR (s.year = ${year - 1}::int AND s.quarter = 4))
         AND s.status IN ('SUBMITTED', 'ACCEPTED')
    ),
    sums AS (
      SELECT f."submissionId", count(*)::int AS n,
             sum(f."loanBalanceFen") AS balance, sum(f."loanIncrementFen") AS increment,
             sum(f.borrowers)::int AS borrowers, sum(f."firstLoans")::int AS first_loans, sum(f."creditLoans")::int AS credit_loans
        FROM "QuarterlyParkFigure" f JOIN valid v ON v.id = f."submissionId"
       GROUP BY f."submissionId"
    ),
    per_bank AS (
      SELECT v."bankOrgId",
             max(v."submittedAt") FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS submitted_at,
             max(v."dueAt") FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS due_at,
             coalesce(max(s.n) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4), 0) AS n,
             max(s.balance) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS balance,
             max(s.increment) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS increment,
             max(s.borrowers) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS borrowers,
             max(s.first_loans) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS first_loans,
             max(s.credit_loans) FILTER (WHERE v.year = ${year}::int AND v.quarter = 4) AS credit_loans,
             max(s.balance) FILTER (WHERE v.year = ${year - 1}::int) AS prev_balance,
             max(s.borrowers) FILTER (WHERE v.year = ${year - 1}::int) AS prev_borrowers,
             max(s.balance - s.increment) FILTER (WHERE v.year = ${year}::int AND v.quarter = 1) AS q1_opening,
             json_agg(json_build_object('quarter', v.quarter, 'submittedAt', v."submittedAt", 'dueAt', v."dueAt") ORDER BY v.quarter)
               FILTER (WHERE v.year = ${year}::int) AS returns
        FROM valid v LEFT JOIN sums s ON s."submissionId" = v.id
       GROUP BY v."bankOrgId"
    )
    SELECT o.id::text AS "bankOrgId", o.name AS "bankName", b.submitted_at AS "submittedAt", b.due_at AS "dueAt",
           coalesce(b.n, 0)::int AS "figureCount", b.balance::text AS "balanceFen", b.increment::text AS "incrementFen",
           b.borrowers, b.first_loans AS "firstLoans", b.credit_loans AS "creditLoans",
           b.prev_balance::text AS "previousYearEndBalanceFen", b.prev_borrowers AS "previousYearEndBorrowers",
           b.q1_opening::text AS "firstQuarterOpeningFen", coalesce(b.returns, '[]'::json) AS returns
      FROM ranked r JOIN "Organization" o ON o.id = r.id
      LEFT JOIN per_bank b ON b."bankOrgId" = r.id
     ORDER BY o.name, o.id`;
}
