/**
 * A park's approved assistance plan against what the banks achieved in the park this
 * program year: the target figures of the version in force, and from the year's ACCEPTED
 * returns (as the credit-target dashboards read them, lib/targets/rules.ts) the loan
 * increments reported for this park summed, and the households as each bank's newest
 * accepted return states them for this park, summed over the banks. Null without an
 * approved plan. Index-backed: the plan by (programId, year, parkId), returns by
 * (programId, bankOrgId, year, quarter), figures by (submissionId, parkId).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { attainmentPercent, type TTargetMeasure } from "@/lib/targets/rules";
import type { TTargetFigures } from "@/lib/targets/queries/read-target-progress";

export type TPlanProgress = {
  planId: string;
  number: number;
  target: TTargetFigures;
  actual: TTargetFigures & { latestQuarter: number | null };
  attainment: Record<TTargetMeasure, number | null>;
};

type TRaw = { amountFen: string; borrowers: number; firstLoans: number; creditLoans: number; latestQuarter: number | null };

export async function readPlanProgress(
  db: PrismaClient,
  input: { parkId: string; programId: string; year: number },
): Promise<TPlanProgress | null> {
  const plan = await db.assistancePlan.findUnique({
    where: { programId_year_parkId: { programId: input.programId, year: input.year, parkId: input.parkId } },
    select: { id: true, approvedNumber: true },
  });
  if (!plan || plan.approvedNumber === null) return null;
  const [version, raw] = await Promise.all([
    db.assistancePlanVersion.findUniqueOrThrow({
      where: { planId_number: { planId: plan.id, number: plan.approvedNumber } },
      select: { amountFen: true, borrowers: true, firstLoans: true, creditLoans: true },
    }),
    db.$queryRaw<TRaw[]>`
      WITH s AS (
        SELECT s.id, s."bankOrgId", s.quarter FROM "QuarterlySubmission" s
         WHERE s."programId" = ${input.programId}::uuid AND s.year = ${input.year} AND s.status = 'ACCEPTED'
      ), latest AS (
        SELECT DISTINCT ON (s."bankOrgId") s.id FROM s ORDER BY s."bankOrgId", s.quarter DESC
      )
      SELECT (SELECT coalesce(sum(f."loanIncrementFen"), 0)::text FROM s JOIN "QuarterlyParkFigure" f ON f."submissionId" = s.id AND f."parkId" = ${input.parkId}::uuid) AS "amountFen",
             h.borrowers, h."firstLoans", h."creditLoans",
             (SELECT max(quarter) FROM s)::int AS "latestQuarter"
        FROM (SELECT coalesce(sum(f.borrowers), 0)::int AS borrowers, coalesce(sum(f."firstLoans"), 0)::int AS "firstLoans",
                     coalesce(sum(f."creditLoans"), 0)::int AS "creditLoans"
                FROM latest JOIN "QuarterlyParkFigure" f ON f."submissionId" = latest.id AND f."parkId" = ${input.parkId}::uuid) h`,
  ]);
  const a = raw[0] ?? { amountFen: "0", borrowers: 0, firstLoans: 0, creditLoans: 0, latestQuarter: null };
  const target = {
    amountFen: version.amountFen.toString(),
    borrowers: version.borrowers,
    firstLoans: version.firstLoans,
    creditLoans: version.creditLoans,
  };
  return {
    planId: plan.id,
    number: plan.approvedNumber,
    target,
    actual: a,
    attainment: {
      amount: attainmentPercent(BigInt(a.amountFen), version.amountFen),
      borrowers: attainmentPercent(a.borrowers, target.borrowers),
      firstLoans: attainmentPercent(a.firstLoans, target.firstLoans),
      creditLoans: attainmentPercent(a.creditLoans, target.creditLoans),
    },
  };
}
