/**
 * For a quarter's ranking: each bank's main-bank pairings of the program's year and how
 * many of those parks had a confirmed visit (走访) in the quarter's half-year up to the
 * quarter's last day. One grouped statement; banks without a main pairing are absent.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

export type TVisitFiguresRow = { bankOrgId: string; parks: number; visited: number };

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryVisitFigures(db: TDb, params: { programId: string; window: TQuarterWindow }): Promise<TVisitFiguresRow[]> {
  const { programId, window } = params;
  const halfStart = `${window.year}-${window.quarter <= 2 ? "01" : "07"}-01`;
  // window.end is the next quarter's first instant in Shanghai: its Shanghai day is the bound.
  const endDay = new Date(window.end.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return db.$queryRaw<TVisitFiguresRow[]>`
    SELECT p."bankOrgId"::text AS "bankOrgId", count(*)::int AS parks,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "ParkVisit" v
              WHERE v."parkId" = p."parkId" AND v."bankOrgId" = p."bankOrgId" AND v.status = 'CONFIRMED'
                AND v."visitedOn" >= ${halfStart}::date AND v."visitedOn" < ${endDay}::date))::int AS visited
      FROM "ParkBankPairing" p
     WHERE p."programId" = ${programId}::uuid AND p.year = ${window.year}::int AND p.role = 'MAIN' AND p."endedAt" IS NULL
     GROUP BY p."bankOrgId"`;
}
