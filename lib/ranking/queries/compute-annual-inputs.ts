/**
 * Everything a year's annual assessment is computed from, in the quarterly ranking's
 * shape (quarter 0): for each bank ranked in the year its annual values, its year-end
 * return's filing time (a tie-break) and the year's items that cost it points.
 *
 * Set-based like computeQuarterInputs, and with the same statements over the year's
 * window: the calendar, the rule version, the annual loan figures (one statement for the
 * year-end, previous year-end and the four returns' filing), the item statistics over
 * every item forwarded in the year (one grouped statement), the annual targets. No
 * statement per bank. Read in one REPEATABLE READ snapshot when given the root client.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { annualIndicatorValues } from "../annual-indicator-values";
import { defaultSubmissionDue, quarterWindow, workingDayIndex } from "../quarter-window";
import { yearWindow } from "../year-window";
import type { TQuarterBankInputs } from "@/lib/ranking/queries/compute-quarter-inputs";
import { queryAnnualLoanFigures } from "@/lib/ranking/queries/query-annual-loan-figures";
import { queryItemStats } from "@/lib/ranking/queries/query-item-stats";
import { queryTargetFigures } from "@/lib/ranking/queries/query-target-figures";
import { groupCostItems } from "@/lib/ranking/group-cost-items";

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
  if (typeof (db as { $connect?: unknown }).$connect === "function") {
    // A city's year is ~400,000 items: a long read-only snapshot holds no lock anyone waits for.
    return (db as PrismaClient).$transaction((tx) => compute(tx, params, computedAt, true), {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      maxWait: 10_000,
      timeout: 300_000,
    });
  }
  return compute(db, params, computedAt, false);
}

async function compute(
  tx: Prisma.TransactionClient,
  params: { programId: string; year: number },
  computedAt: Date,
  inTransaction: boolean,
): Promise<TAnnualInputs> {
  const window = yearWindow(params.year);
  if (inTransaction) await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
  const calendar = await loadWorkingCalendar(tx);
  const ruleVersion = await tx.programRuleVersion.findFirst({
    where: { programId: params.programId },
    orderBy: { version: "desc" },
    select: { quarterlyWindowDays: true },
  });
  const windowDays = ruleVersion?.quarterlyWindowDays ?? 7;
  const defaultDue = ([1, 2, 3, 4] as const).map((q) => defaultSubmissionDue(quarterWindow(params.year, q), windowDays, calendar));
  const dueOf = (quarter: number, dueAt: Date | null) => dueAt ?? defaultDue[quarter - 1]!;

  const loans = await queryAnnualLoanFigures(tx, { programId: params.programId, window });
  const items = await queryItemStats(tx, {
    programId: params.programId,
    window,
    cutoff: computedAt,
    dayIndex: workingDayIndex(window, computedAt, calendar),
  });
  const itemsByBank = new Map(items.map((row) => [row.bankOrgId, row]));
  const targets = await queryTargetFigures(tx, { programId: params.programId, window, cutoff: computedAt });
  const targetByBank = new Map(targets.map((row) => [row.bankOrgId, row]));

  const banks = loans.map((bank): TQuarterBankInputs => {
    const stats = itemsByBank.get(bank.bankOrgId);
    const { costItems, costItemTotals } = groupCostItems(stats?.costItems);
    return {
      bankOrgId: bank.bankOrgId,
      bankName: bank.bankName,
      submittedAt: bank.submittedAt,
      values: annualIndicatorValues(
        stats,
        { ...bank, dueAt: bank.submittedAt ? dueOf(4, bank.dueAt) : null },
        dueOf,
        targetByBank.get(bank.bankOrgId),
      ),
      costItems,
      costItemTotals,
    };
  });
  return { programId: params.programId, year: params.year, quarter: 0, computedAt, banks };
}
