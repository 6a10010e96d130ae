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
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TIndicatorKey } from "../indicators";
import { indicatorValues } from "../indicator-values";
import { defaultSubmissionDue, quarterWindow } from "../quarter-window";
import { inRankingSnapshot, rankedBankInputs, readRankingBasis } from "@/lib/ranking/queries/read-ranking-basis";
import { queryLoanFigures } from "@/lib/ranking/queries/query-loan-figures";
import { queryVisitFigures } from "@/lib/ranking/queries/query-visit-figures";
import { queryQuestionnaireFigures } from "@/lib/ranking/queries/query-questionnaire-figures";
import { queryEventFigures } from "@/lib/ranking/queries/query-event-figures";

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
  // A city's quarter is ~100,000 items: a few seconds on a busy server, more than Prisma's
  // default 5 s transaction limit allows.
  return inRankingSnapshot(db, 120_000, (tx) => compute(tx, params, computedAt));
}

async function compute(
  tx: Prisma.TransactionClient,
  params: { programId: string; year: number; quarter: 1 | 2 | 3 | 4 },
  computedAt: Date,
): Promise<TQuarterInputs> {
  const window = quarterWindow(params.year, params.quarter);
  const { calendar, windowDays, itemsByBank, targetByBank } = await readRankingBasis(tx, {
    programId: params.programId,
    window,
    cutoff: computedAt,
  });
  const defaultDue = defaultSubmissionDue(window, windowDays, calendar);
  const loans = await queryLoanFigures(tx, { programId: params.programId, window });
  const visits = await queryVisitFigures(tx, { programId: params.programId, window });
  const visitsByBank = new Map(visits.map((row) => [row.bankOrgId, row]));
  const questionnaires = await queryQuestionnaireFigures(tx, { programId: params.programId, window });
  const questionnairesByBank = new Map(questionnaires.map((row) => [row.bankOrgId, row]));
  const events = await queryEventFigures(tx, { window });
  const eventsByBank = new Map(events.map((row) => [row.bankOrgId, row]));

  const banks = loans.map((bank): TQuarterBankInputs => {
    const stats = itemsByBank.get(bank.bankOrgId);
    return rankedBankInputs(
      bank,
      stats,
      indicatorValues(
        stats,
        { ...bank, dueAt: bank.dueAt ?? (bank.submittedAt ? defaultDue : null) },
        targetByBank.get(bank.bankOrgId),
        visitsByBank.get(bank.bankOrgId),
        questionnairesByBank.get(bank.bankOrgId),
        eventsByBank.get(bank.bankOrgId),
      ),
    );
  });
  return { programId: params.programId, year: params.year, quarter: params.quarter, computedAt, banks };
}
