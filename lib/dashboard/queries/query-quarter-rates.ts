/** The quarter's rates (definitions in lib/dashboard/shared-rates.ts), from the quarter read models. */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import { readQuarterRateCounts } from "@/lib/read-models/queries/read-quarter-rate-counts";
import { ratesOf, ZERO_RATE_COUNTS, type TQuarterRates } from "@/lib/dashboard/shared-rates";

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export type TRatesParams = { programId: string; window: TQuarterWindow; cutoff: Date; bankOrgIds: string[] | null };

export async function queryQuarterRates(db: TDb, params: TRatesParams): Promise<TQuarterRates> {
  const { programId, window, cutoff, bankOrgIds } = params;
  if (bankOrgIds !== null && bankOrgIds.length === 0) return ratesOf(ZERO_RATE_COUNTS);
  const quarterStart = `${window.year}-${String((window.quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
  return ratesOf(await readQuarterRateCounts(db, { programId, quarterStart, cutoff, bankOrgIds }));
}
