/**
 * The central bank branch's dashboard ("how is credit flowing?"): loan figures by bank
 * and by park across the program's quarters, city-wide reply and satisfaction rates for
 * this quarter and the last (the ranking's definitions), and the newest ranking not yet
 * published (the one under review). Stored data only.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RankingStatus } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";
import { loanFigures, type TLoanFigures } from "@/lib/dashboard/queries/loan-figures";
import { dashboardPeriod } from "@/lib/dashboard/shared-period";
import type { TQuarterRates } from "@/lib/dashboard/shared-rates";
import { queryQuarterRates } from "@/lib/dashboard/queries/query-quarter-rates";
import { summariseRanking, type TRankingSummary } from "@/lib/dashboard/queries/summarise-ranking";

export type TPbcDashboard = {
  current: TQuarterWindow;
  lastEnded: TQuarterWindow;
  programId: string | null;
  figures: TLoanFigures;
  rates: { current: TQuarterRates; lastEnded: TQuarterRates } | null;
  ranking: TRankingSummary | null;
};

export async function loadPbcDashboard(db: PrismaClient, user: TActorSource, options: { now?: Date } = {}): Promise<TPbcDashboard> {
  const now = options.now ?? new Date();
  const actor = actorOf(user);
  const { current, lastEnded } = dashboardPeriod(now);
  const program = await getCurrentProgram(db, current.year, now);
  // City-wide rates read every item: only the offices that see every item get them.
  const citywide = program !== null && (areaOfRole(actor.role) === "pbc" || areaOfRole(actor.role) === "finance");
  const [figures, ratesNow, ratesLast, ranking] = await Promise.all([
    program ? loanFigures(db, actor, program.id) : { quarters: [], byBank: [], byPark: [] },
    citywide ? queryQuarterRates(db, { programId: program.id, window: current, cutoff: now, bankOrgIds: null }) : null,
    citywide ? queryQuarterRates(db, { programId: program.id, window: lastEnded, cutoff: now, bankOrgIds: null }) : null,
    program ? summariseRanking(db, actor, program.id, (r) => r.status !== RankingStatus.PUBLISHED) : null,
  ]);
  return {
    current,
    lastEnded,
    programId: program?.id ?? null,
    figures,
    rates: ratesNow && ratesLast ? { current: ratesNow, lastEnded: ratesLast } : null,
    ranking,
  };
}
