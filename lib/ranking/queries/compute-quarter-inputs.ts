/**
 * Everything a quarter's ranking is computed from: for each ranked bank its indicator
 * values, its submission time (a tie-break) and the items that cost it points.
 *
 * Set-based: a fixed handful of statements whatever the number of banks or items (the
 * calendar, the rule version, the loan figures, the item statistics, the credit targets), read in one
 * REPEATABLE READ snapshot when given the client, so the figures agree with each other.
 * Definitions: ./quarter-item-stats.ts, ../indicator-values.ts and the "indicators"
 * messages. `now` is the cut-off: only ledger entries up to it count (default: now).
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { TIndicatorKey } from "../indicators";
import { indicatorValues } from "../indicator-values";
import { defaultSubmissionDue, quarterWindow, workingDayIndex } from "../quarter-window";
import { queryItemStats } from "@/lib/ranking/queries/query-item-stats";
import { queryLoanFigures } from "@/lib/ranking/queries/query-loan-figures";
import { queryTargetFigures } from "@/lib/ranking/queries/query-target-figures";
import { queryVisitFigures } from "@/lib/ranking/queries/query-visit-figures";
import { queryQuestionnaireFigures } from "@/lib/ranking/queries/query-questionnaire-figures";
import { queryEventFigures } from "@/lib/ranking/queries/query-event-figures";
import { groupCostItems } from "@/lib/ranking/group-cost-items";

export type TCostItem = {
  requestId: string;
  serial: string;
  /** A message key under indicators.costReasons.* (e.g. "answeredLate"). */
  reason: string;
};

export type TQuarterBankInputs = {
  bankOrgId: string;
  bankName: string;
  submittedAt: Date | null;
  values: Record<TIndicatorKey, number | null>;
  /** At most COST_ITEMS_PER_INDICATOR per indicator, by serial. */
  costItems: Partial<Record<TIndicatorKey, TCostItem[]>>;
  /** How many items cost points under each indicator in all (costItems may be cut short). */
  costItemTotals?: Partial<Record<TIndicatorKey, number>>;
};

export type TQuarterInputs = {
  programId: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  computedAt: Date;
  banks: TQuarterBankInputs[];
};

type TDb = PrismaClient | Prisma.TransactionClient;

export async function computeQuarterInputs(
  db: TDb,
  params: { programId: string; year: number; quarter: 1 | 2 | 3 | 4; now?: Date },
): Promise<TQuarterInputs> {
  const computedAt = params.now ?? new Date();
  // A transaction client lacks $connect (Prisma's deny list) but does have a $transaction
  // (nested): only the root client opens the snapshot transaction; inside the caller's
  // transaction its snapshot rules.
  if (typeof (db as { $connect?: unknown }).$connect === "function") {
    // A city's quarter is ~100,000 items: a few seconds on a busy server, more than
    // Prisma's default 5 s transaction limit allows. It only reads, so a long limit holds
    // no lock that anyone waits for.
    return (db as PrismaClient).$transaction((tx) => compute(tx, params, computedAt, true), {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      maxWait: 10_000,
      timeout: 120_000,
    });
  }
  return compute(db, params, computedAt, false);
}

async function compute(
  tx: Prisma.TransactionClient,
  params: { programId: string; year: number; quarter: 1 | 2 | 3 | 4 },
  computedAt: Date,
  inTransaction: boolean,
): Promise<TQuarterInputs> {
  const window = quarterWindow(params.year, params.quarter);
  // The item statement sorts and hashes ~100,000 rows: enough memory keeps that off disk
  // (SET LOCAL ends with the transaction; outside one it is a no-op with a warning).
  if (inTransaction) await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
  const calendar = await loadWorkingCalendar(tx);
  const rules = await tx.programRuleVersion.findFirst({
    where: { programId: params.programId },
    orderBy: { version: "desc" },
    select: { quarterlyWindowDays: true },
  });
  const defaultDue = defaultSubmissionDue(window, rules?.quarterlyWindowDays ?? 7, calendar);
  const loans = await queryLoanFigures(tx, { programId: params.programId, window });
  const items = await queryItemStats(tx, {
    programId: params.programId,
    window,
    cutoff: computedAt,
    dayIndex: workingDayIndex(window, computedAt, calendar),
  });
  const itemsByBank = new Map(items.map((row) => [row.bankOrgId, row]));
  const targets = await queryTargetFigures(tx, { programId: params.programId, window, cutoff: computedAt });
  const targetByBank = new Map(targets.map((row) => [row.bankOrgId, row]));
  const visits = await queryVisitFigures(tx, { programId: params.programId, window });
  const visitsByBank = new Map(visits.map((row) => [row.bankOrgId, row]));
  const questionnaires = await queryQuestionnaireFigures(tx, { programId: params.programId, window });
  const questionnairesByBank = new Map(questionnaires.map((row) => [row.bankOrgId, row]));
  const events = await queryEventFigures(tx, { window });
  const eventsByBank = new Map(events.map((row) => [row.bankOrgId, row]));

  const banks = loans.map((bank): TQuarterBankInputs => {
    const stats = itemsByBank.get(bank.bankOrgId);
    const { costItems, costItemTotals } = groupCostItems(stats?.costItems);
    return {
      bankOrgId: bank.bankOrgId,
      bankName: bank.bankName,
      submittedAt: bank.submittedAt,
      values: indicatorValues(
        stats,
        { ...bank, dueAt: bank.dueAt ?? (bank.submittedAt ? defaultDue : null) },
        targetByBank.get(bank.bankOrgId),
        visitsByBank.get(bank.bankOrgId),
        questionnairesByBank.get(bank.bankOrgId),
        eventsByBank.get(bank.bankOrgId),
      ),
      costItems,
      costItemTotals,
    };
  });
  return { programId: params.programId, year: params.year, quarter: params.quarter, computedAt, banks };
}
