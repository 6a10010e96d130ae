/**
 * Everything a year's annual assessment is computed from, in the quarterly ranking's
 * shape (quarter 0): for each bank ranked in the year its annual values, its year-end
 * return's filing time (a tie-break) and the year's items that cost it points.
 *
 * Set-based like computeQuarterInputs, and with the same statements over the year's
 * window (./read-ranking-basis.ts): the calendar, the rule version, the annual loan figures (one statement for the
 * year-end, previous year-end and the four returns' filing), the item statistics over
 * every item forwarded in the year (one grouped statement), the annual targets. No
 * statement per bank. Read in one REPEATABLE READ snapshot when given the root client.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { annualIndicatorValues } from "../annual-indicator-values";
import { defaultSubmissionDue, quarterWindow } from "../quarter-window";
import { yearWindow } from "../year-window";
import type { TQuarterBankInputs } from "@/lib/ranking/queries/compute-quarter-inputs";
import { queryAnnualLoanFigures } from "@/lib/ranking/queries/query-annual-loan-figures";
import { inRankingSnapshot, rankedBankInputs, readRankingBasis } from "@/lib/ranking/queries/read-ranking-basis";

export type TAnnualInputs = {
  programId: string;
  year: number;
  /** 0: the whole year (how a Ranking row of period YEAR names it). */
  quarter: 0;
  computedAt: Date;
  banks: TQuarterBankInputs[];
};

type TDb = PrismaClient | Prisma.TransactionClient;

export async function computeAnnualInputs(db: TDb, params: { programId: string; year: number; now?: Date }): Promise<TAnnualInputs> {
  const computedAt = params.now ?? new Date();
  // A city's year is ~400,000 items.
  return inRankingSnapshot(db, 300_000, (tx) => compute(tx, params, computedAt));
}

async function compute(
  tx: Prisma.TransactionClient,
  params: { programId: string; year: number },
  computedAt: Date,
): Promise<TAnnualInputs> {
  const window = yearWindow(params.year);
  const { calendar, windowDays, itemsByBank, targetByBank } = await readRankingBasis(tx, {
    programId: params.programId,
    window,
    cutoff: computedAt,
  });
  const defaultDue = ([1, 2, 3, 4] as const).map((q) => defaultSubmissionDue(quarterWindow(params.year, q), windowDays, calendar));
  const dueOf = (quarter: number, dueAt: Date | null) => dueAt ?? defaultDue[quarter - 1]!;
  const loans = await queryAnnualLoanFigures(tx, { programId: params.programId, window });

  const banks = loans.map((bank): TQuarterBankInputs => {
    const stats = itemsByBank.get(bank.bankOrgId);
    return rankedBankInputs(
      bank,
      stats,
      annualIndicatorValues(
        stats,
        { ...bank, dueAt: bank.submittedAt ? dueOf(4, bank.dueAt) : null },
        dueOf,
        targetByBank.get(bank.bankOrgId),
      ),
    );
  });
  return { programId: params.programId, year: params.year, quarter: 0, computedAt, banks };
}
