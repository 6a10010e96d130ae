/**
 * Per bank, for events starting in [from, to): the events it was invited to, those held,
 * the intentions it recorded, the amounts intended and signed (fen) and the intentions
 * turned into items. One grouped statement over the period's events (index on startsAt),
 * their participant lists unnested, left-joined to the intentions.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TEventBankFigures = {
  bankOrgId: string;
  bankName: string;
  invited: number;
  held: number;
  intentions: number;
  intendedFen: bigint;
  signedFen: bigint;
  raised: number;
};

export async function readEventBankFigures(db: PrismaClient, params: { from: Date; to: Date }): Promise<TEventBankFigures[]> {
  const rows = await db.$queryRaw<(Omit<TEventBankFigures, "intendedFen" | "signedFen"> & { intendedFen: bigint; signedFen: bigint })[]>`
    WITH ev AS (
      SELECT e.id, e.status, unnest(e."participantOrgIds") AS "orgId"
        FROM "MatchEvent" e
       WHERE e."startsAt" >= ${params.from} AND e."startsAt" < ${params.to} AND e.status <> 'CANCELLED'
    ), per_event AS (
      SELECT ev."orgId", ev.id, ev.status,
             count(i.id)::int AS intentions,
             coalesce(sum(i."intendedFen"), 0) AS intended,
             coalesce(sum(i."signedFen"), 0) AS signed,
             count(i."requestId")::int AS raised
        FROM ev LEFT JOIN "MatchEventIntention" i ON i."eventId" = ev.id AND i."bankOrgId" = ev."orgId"
       GROUP BY ev."orgId", ev.id, ev.status
    )
    SELECT o.id::text AS "bankOrgId", o.name AS "bankName",
           count(*)::int AS invited,
           count(*) FILTER (WHERE p.status = 'HELD')::int AS held,
           sum(p.intentions)::int AS intentions,
           sum(p.intended)::bigint AS "intendedFen",
           sum(p.signed)::bigint AS "signedFen",
           sum(p.raised)::int AS raised
      FROM per_event p JOIN "Organization" o ON o.id = p."orgId" AND o.kind = 'BANK'
     GROUP BY o.id, o.name
     ORDER BY sum(p.signed) DESC, o.name`;
  return rows.map((r) => ({ ...r, intendedFen: BigInt(r.intendedFen), signedFen: BigInt(r.signedFen) }));
}
