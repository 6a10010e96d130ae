/**
 * What a quarter's ranking and a year's assessment both start from: the snapshot they read
 * in, and the statements they share over their window (the calendar, the rule version's
 * submission window, the item statistics, the credit targets). Each adds its own loan
 * figures and indicator values.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import { groupCostItems } from "@/lib/ranking/group-cost-items";
import { workingDayIndex, type TQuarterWindow } from "../quarter-window";
import { queryItemStats, type TItemStatsRow } from "@/lib/ranking/queries/query-item-stats";
import { queryTargetFigures, type TTargetFiguresRow } from "@/lib/ranking/queries/query-target-figures";
import type { TQuarterBankInputs } from "@/lib/ranking/queries/compute-quarter-inputs";

type TDb = PrismaClient | Prisma.TransactionClient;

/**
 * `read` in one REPEATABLE READ snapshot when given the root client, so the figures agree
 * with each other; inside the caller's transaction its snapshot rules. A transaction client
 * lacks $connect (Prisma's deny list) but does have a (nested) $transaction, hence the test.
 * Only reads, so a long `timeoutMs` holds no lock anyone waits for.
 */
export async function inRankingSnapshot<T>(db: TDb, timeoutMs: number, read: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (typeof (db as { $connect?: unknown }).$connect === "function") {
    return (db as PrismaClient).$transaction(
      async (tx) => {
        // The item statement sorts and hashes ~100,000 rows a quarter: enough memory keeps
        // that off disk (SET LOCAL ends with the transaction).
        await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
        return read(tx);
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: timeoutMs },
    );
  }
  return read(db);
}

export type TRankingBasis = {
  calendar: WorkingCalendar;
  /** The rule version's quarterly-return window in working days (7 without a version). */
  windowDays: number;
  itemsByBank: Map<string, TItemStatsRow>;
  targetByBank: Map<string, TTargetFiguresRow>;
};

/** The shared statements over `window`; ledger entries up to `cutoff` count. */
export async function readRankingBasis(
  tx: Prisma.TransactionClient,
  params: { programId: string; window: TQuarterWindow; cutoff: Date },
): Promise<TRankingBasis> {
  const { programId, window, cutoff } = params;
  const calendar = await loadWorkingCalendar(tx);
  const rules = await tx.programRuleVersion.findFirst({
    where: { programId },
    orderBy: { version: "desc" },
    select: { quarterlyWindowDays: true },
  });
  const items = await queryItemStats(tx, { programId, window, cutoff, dayIndex: workingDayIndex(window, cutoff, calendar) });
  const targets = await queryTargetFigures(tx, { programId, window, cutoff });
  return {
    calendar,
    windowDays: rules?.quarterlyWindowDays ?? 7,
    itemsByBank: new Map(items.map((row) => [row.bankOrgId, row])),
    targetByBank: new Map(targets.map((row) => [row.bankOrgId, row])),
  };
}

/** One ranked bank's inputs: its values and the items that cost it points. */
export function rankedBankInputs(
  bank: { bankOrgId: string; bankName: string; submittedAt: Date | null },
  stats: TItemStatsRow | undefined,
  values: TQuarterBankInputs["values"],
): TQuarterBankInputs {
  const { costItems, costItemTotals } = groupCostItems(stats?.costItems);
  return { bankOrgId: bank.bankOrgId, bankName: bank.bankName, submittedAt: bank.submittedAt, values, costItems, costItemTotals };
}
