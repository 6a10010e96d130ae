/**
 * Every ranked bank with its quarterly submission and the sums of its park figures, in
 * one statement. Only a SUBMITTED or ACCEPTED submission counts: a DRAFT, a RETURNED one
 * (the finance office sent it back) or none at all gives no loan figures.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import { rankedBanksSql } from "@/lib/ranking/queries/query-item-stats";

export type TLoanFiguresRow = {
  bankOrgId: string;
  bankName: string;
  /** Null when there is no SUBMITTED/ACCEPTED submission. */
  submittedAt: Date | null;
  dueAt: Date | null;
  figureCount: number;
  balanceFen: string | null;
  incrementFen: string | null;
  borrowers: number | null;
  firstLoans: number | null;
  creditLoans: number | null;
};

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryLoanFigures(db: TDb, params: { programId: string; window: TQuarterWindow }): Promise<TLoanFiguresRow[]> {
  const { programId, window } = params;
  return db.$queryRaw<TLoanFiguresRow[]>`
    WITH ${rankedBanksSql(programId, window)},
    valid AS (
      SELECT s.id, s."bankOrgId", s."submittedAt", s."dueAt"
        FROM "QuarterlySubmission" s JOIN ranked r ON r.id = s."bankOrgId"
       WHERE s."programId" = ${programId}::uuid AND s.year = ${window.year}::int AND s.quarter = ${window.quarter}::int
         AND s.status IN ('SUBMITTED', 'ACCEPTED')
    ),
    sums AS (
      SELECT f."submissionId", count(*)::int AS n,
             sum(f."loanBalanceFen")::text AS balance, sum(f."loanIncrementFen")::text AS increment,
             sum(f.borrowers)::int AS borrowers, sum(f."firstLoans")::int AS first_loans, sum(f."creditLoans")::int AS credit_loans
        FROM "QuarterlyParkFigure" f JOIN valid v ON v.id = f."submissionId"
       GROUP BY f."submissionId"
    )
    SELECT o.id::text AS "bankOrgId", o.name AS "bankName", v."submittedAt", v."dueAt",
           coalesce(s.n, 0) AS "figureCount", s.balance AS "balanceFen", s.increment AS "incrementFen",
           s.borrowers, s.first_loans AS "firstLoans", s.credit_loans AS "creditLoans"
      FROM ranked r JOIN "Organization" o ON o.id = r.id
      LEFT JOIN valid v ON v."bankOrgId" = r.id
      LEFT JOIN sums s ON s."submissionId" = v.id
     ORDER BY o.name, o.id`;
}
