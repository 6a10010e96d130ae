/** Last quarter's resolution-ledger submissions (三个一: 季后7个工作日内报送) with park figures. */

import { addWorkingDays } from "@/lib/calendar/working-days";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import { BANKS, PARKS } from "./catalog";
import { afterWorkingDays } from "./clock";
import type { Rng } from "./random";
import { DAY_MS, addDays, previousQuarter, quarterLastDay, quarterOf, shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

/**
 * What an accepted seeded submission keeps as its items snapshot: a summary only (the
 * seed writes the requests later, chunk by chunk, so their lines are not known here).
 * The shape is lib/submissions/items-summary.ts's TItemsSnapshot with `items: null`.
 */
function seededItemsSnapshot(reviewedAt: Date) {
  return { version: 1, computedAt: reviewedAt.toISOString(), totals: null, items: null, source: "seed" };
}

/**
 * Freezes the seeded accepted submissions (frozenAt = reviewedAt), run once every seed
 * row is in: from then on the database refuses changes to them and their figures.
 */
export const FREEZE_ACCEPTED_SUBMISSIONS_SQL = `UPDATE "QuarterlySubmission" SET "frozenAt" = "reviewedAt" WHERE status = 'ACCEPTED' AND "frozenAt" IS NULL AND "reviewedAt" IS NOT NULL`;

export async function freezeAcceptedSubmissions(db: Pick<Prisma.TransactionClient, "$executeRawUnsafe">): Promise<number> {
  return db.$executeRawUnsafe(FREEZE_ACCEPTED_SUBMISSIONS_SQL);
}

/** Last quarter's resolution ledgers with loan figures for each paired park. */
export function buildQuarterlySubmissions(ctx: TSeedContext, rows: TSeedRows, rng: Rng): void {
  const q = previousQuarter(quarterOf(ctx.referenceDay));
  const quarterEnd = new Date(shanghaiInstant(addDays(quarterLastDay(q), 1)) - 1);
  const due = addWorkingDays(quarterEnd, 7, ctx.calendar);
  const totalWeight = PARKS.reduce((s, p) => s + p.weight, 0);
  const n = ctx.options.enterprises;

  for (const bank of ctx.banks) {
    // One bank never submitted; the slowest ones submit late.
    if (bank.index === BANKS.length - 1) continue;
    const days = bank.def.slowness >= 1.4 ? rng.int(6, 10) : rng.int(1, 6);
    const submittedMs = afterWorkingDays(rng, ctx.calendar, quarterEnd.getTime(), days);
    let status: SubmissionStatus = SubmissionStatus.ACCEPTED;
    let submittedAt: Date | null = new Date(submittedMs);
    let reviewedAt: Date | null = null;
    let returnReason: string | null = null;
    if (bank.index === 10 || submittedMs >= ctx.nowMs) {
      status = SubmissionStatus.DRAFT;
      submittedAt = null;
    } else {
      const reviewedMs = afterWorkingDays(rng, ctx.calendar, submittedMs, rng.int(1, 3));
      if (bank.index === 4 || bank.index === 5 || reviewedMs >= ctx.nowMs) status = SubmissionStatus.SUBMITTED;
      else {
        reviewedAt = new Date(reviewedMs);
        if (bank.index === 9) {
          status = SubmissionStatus.RETURNED;
          returnReason = "结对园区有贷款余额户数与台账明细不一致，请核对后重新报送。";
        }
      }
    }
    const id = rng.uuid();
    const createdAt = new Date(Math.min(submittedMs, ctx.nowMs) - 2 * DAY_MS);
    rows.quarterlySubmission.push({
      id,
      programId: ctx.programId,
      bankOrgId: bank.orgId,
      year: q.year,
      quarter: q.quarter,
      status,
      dueAt: due,
      submittedAt,
      late: submittedAt !== null && submittedAt.getTime() > due.getTime(),
      reviewedById: reviewedAt ? ctx.financeStaffUserId : null,
      reviewedAt,
      returnReason,
      // Accepted ones are frozen after the insert (freezeAcceptedSubmissions): the trigger
      // would refuse their figures, which are inserted after them.
      frozenAt: null,
      // Present on every row (bulk inserts take the first row's keys); undefined → NULL.
      itemsSnapshot: status === SubmissionStatus.ACCEPTED && reviewedAt ? seededItemsSnapshot(reviewedAt) : undefined,
      createdAt,
      updatedAt: reviewedAt ?? submittedAt ?? createdAt,
    });
    for (const park of ctx.parks) {
      const isMain = park.mainBank === bank.index;
      if (!isMain && !park.participating.includes(bank.index)) continue;
      const parkEnterprises = (n * park.def.weight) / totalWeight;
      const borrowers = Math.max(1, Math.round(parkEnterprises * (isMain ? 0.16 : 0.06) * rng.float(0.6, 1.4)));
      const balanceFen = Math.round(borrowers * rng.float(120, 420)) * 1_000_000; // 万元 → fen
      const incrementFen = Math.round((balanceFen * rng.float(-0.02, 0.09)) / 10_000) * 10_000;
      rows.quarterlyParkFigure.push({
        id: rng.uuid(),
        submissionId: id,
        parkId: park.parkId,
        loanBalanceFen: BigInt(balanceFen),
        loanIncrementFen: BigInt(incrementFen),
        borrowers,
        firstLoans: Math.round(borrowers * rng.float(0.04, 0.14)),
        creditLoans: Math.round(borrowers * rng.float(0.2, 0.45)),
        averageRate: (rng.int(330, 460) / 100).toFixed(4),
      });
    }
  }
}
