/**
 * For a quarter's ranking: each bank's matching events held in the quarter (it was on the
 * participant list) and how many of its intentions there have an amount signed. One
 * grouped statement over the quarter's held events (index on startsAt); banks invited to
 * none are absent.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQuarterWindow } from "@/lib/ranking/quarter-window";

export type TEventFiguresRow = { bankOrgId: string; events: number; signed: number };

type TDb = { $queryRaw: Prisma.TransactionClient["$queryRaw"] };

export async function queryEventFigures(db: TDb, params: { window: TQuarterWindow }): Promise<TEventFiguresRow[]> {
  const { window } = params;
  return db.$queryRaw<TEventFiguresRow[]>`
    SELECT p."orgId"::text AS "bankOrgId", count(*)::int AS events,
           coalesce(sum((SELECT count(*) FROM "MatchEventIntention" i
                          WHERE i."eventId" = p.id AND i."bankOrgId" = p."orgId" AND i."signedFen" > 0)), 0)::int AS signed
      FROM (SELECT e.id, unnest(e."participantOrgIds") AS "orgId" FROM "MatchEvent" e
             WHERE e.status = 'HELD' AND e."startsAt" >= ${window.start} AND e."startsAt" < ${window.end}) p
     GROUP BY p."orgId"`;
}
