/**
 * Loan figures across the quarters of a program, from the quarterly submissions that count
 * (SUBMITTED or ACCEPTED, as the ranking reads them; a draft or a returned one does not),
 * summed by (quarter, bank) and by (quarter, park). Amounts are fen as decimal strings.
 * Only for actors who read every submission (finance office, central bank); anyone else
 * gets nothing. Two grouped statements, kept under the banks' cache revision.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { areaOfRole } from "@/lib/auth/areas";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { revisionMemo } from "@/lib/cache-revisions/revision-memo";

export type TFigureSums = { balanceFen: string; incrementFen: string; borrowers: number; firstLoans: number; creditLoans: number };
export type TBankFigures = TFigureSums & { year: number; quarter: number; bankOrgId: string; bankName: string };
export type TParkFigures = TFigureSums & { year: number; quarter: number; parkId: string; parkName: string };
export type TLoanFigures = { quarters: { year: number; quarter: number }[]; byBank: TBankFigures[]; byPark: TParkFigures[] };

export function maySeeAllFigures(actor: TActor): boolean {
  const area = areaOfRole(actor.role);
  return canActor(actor, "submissions.read") && (area === "finance" || area === "pbc");
}

export async function loanFigures(db: PrismaClient, actor: TActor, programId: string): Promise<TLoanFigures> {
  if (!maySeeAllFigures(actor)) return { quarters: [], byBank: [], byPark: [] };
  return figuresOfPrograms(db, programId, () => readLoanFigures(db, programId));
}

// Kept per process until a return, its park figures, a bank or a park changes (the banks'
// revision counts every one of those tables): the central bank's dashboard shows them on
// every view.
const figuresOfPrograms = revisionMemo<TLoanFigures>("banks");

async function readLoanFigures(db: PrismaClient, programId: string): Promise<TLoanFigures> {
  const sums = `sum(f."loanBalanceFen")::text AS "balanceFen", sum(f."loanIncrementFen")::text AS "incrementFen",
    sum(f.borrowers)::int AS borrowers, sum(f."firstLoans")::int AS "firstLoans", sum(f."creditLoans")::int AS "creditLoans"`;
  const [byBank, byPark] = await Promise.all([
    db.$queryRawUnsafe<TBankFigures[]>(
      `SELECT s.year, s.quarter, s."bankOrgId"::text AS "bankOrgId", o.name AS "bankName", ${sums}
         FROM "QuarterlySubmission" s JOIN "QuarterlyParkFigure" f ON f."submissionId" = s.id JOIN "Organization" o ON o.id = s."bankOrgId"
        WHERE s."programId" = $1::uuid AND s.status IN ('SUBMITTED', 'ACCEPTED')
        GROUP BY s.year, s.quarter, s."bankOrgId", o.name
        ORDER BY s.year, s.quarter, o.name`,
      programId,
    ),
    db.$queryRawUnsafe<TParkFigures[]>(
      `SELECT s.year, s.quarter, f."parkId"::text AS "parkId", coalesce(po."shortName", po.name) AS "parkName", ${sums}
         FROM "QuarterlySubmission" s JOIN "QuarterlyParkFigure" f ON f."submissionId" = s.id
         JOIN "Park" p ON p.id = f."parkId" JOIN "Organization" po ON po.id = p."orgId"
        WHERE s."programId" = $1::uuid AND s.status IN ('SUBMITTED', 'ACCEPTED')
        GROUP BY s.year, s.quarter, f."parkId", po."shortName", po.name, p.code
        ORDER BY s.year, s.quarter, p.code`,
      programId,
    ),
  ]);
  const keys = new Map<string, { year: number; quarter: number }>();
  for (const r of byBank) keys.set(`${r.year}-${r.quarter}`, { year: r.year, quarter: r.quarter });
  return { quarters: [...keys.values()], byBank, byPark };
}
