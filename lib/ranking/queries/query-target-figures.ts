/**
 * For a quarter's ranking: each bank's annual credit target in force at the cut-off (the
 * newest version set by then) and its new lending year to date, i.e. the loan increments
 * of the year's returns from the first quarter to this one that the ranking counts
 * (SUBMITTED or ACCEPTED, as queryLoanFigures). One statement; banks without a target are
 * absent. The households come from this quarter's return (queryLoanFigures).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

export type TTargetFiguresRow = {
  bankOrgId: string;
  targetAmountFen: string;
  targetBorrowers: number;
  targetFirstLoans: number;
  targetCreditLoans: number;
  /** Null when no return of the year counts yet. */
  ytdIncrementFen: string | null;
};

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryTargetFigures(
  db: TDb,
  params: { programId: string; window: TQuarterWindow; cutoff: Date },
): Promise<TTargetFiguresRow[]> {
  const { programId, window, cutoff } = params;
  return db.$queryRaw<TTargetFiguresRow[]>`
    WITH t AS (
      SELECT DISTINCT ON (t."bankOrgId") t."bankOrgId", t."amountFen", t.borrowers, t."firstLoans", t."creditLoans"
        FROM "BankCreditTarget" t
       WHERE t."programId" = ${programId}::uuid AND t.year = ${window.year}::int AND t."createdAt" <= ${cutoff}
       ORDER BY t."bankOrgId", t.version DESC
    ), ytd AS (
      SELECT s."bankOrgId", sum(f."loanIncrementFen")::text AS increment
        FROM "QuarterlySubmission" s JOIN "QuarterlyParkFigure" f ON f."submissionId" = s.id
       WHERE s."programId" = ${programId}::uuid AND s.year = ${window.year}::int AND s.quarter <= ${window.quarter}::int
         AND s.status IN ('SUBMITTED', 'ACCEPTED') AND s."bankOrgId" IN (SELECT "bankOrgId" FROM t)
       GROUP BY s."bankOrgId"
    )
    SELECT t."bankOrgId"::text AS "bankOrgId", t."amountFen"::text AS "targetAmountFen", t.borrowers AS "targetBorrowers",
           t."firstLoans" AS "targetFirstLoans", t."creditLoans" AS "targetCreditLoans", ytd.increment AS "ytdIncrementFen"
      FROM t LEFT JOIN ytd ON ytd."bankOrgId" = t."bankOrgId"`;
}
