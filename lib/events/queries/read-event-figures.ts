/**
 * Per event: registrations, attendance, intentions and the amounts intended and signed,
 * for the events given (a page of the list, or one event). Two grouped statements over
 * the events' own rows (indexes eventId-first), never over the whole tables.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TEventFigures = {
  registered: number;
  attended: number;
  intentions: number;
  intendedFen: bigint;
  signedFen: bigint;
  raised: number;
};

export const NO_FIGURES: TEventFigures = Object.freeze({
  registered: 0,
  attended: 0,
  intentions: 0,
  intendedFen: 0n,
  signedFen: 0n,
  raised: 0,
});

export async function readEventFigures(db: PrismaClient, eventIds: readonly string[]): Promise<Map<string, TEventFigures>> {
  const out = new Map<string, TEventFigures>();
  if (eventIds.length === 0) return out;
  const ids = [...eventIds];
  const [registrations, intentions] = await Promise.all([
    db.$queryRaw<{ eventId: string; registered: number; attended: number }[]>`
      SELECT "eventId"::text AS "eventId",
             count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
             count(*) FILTER (WHERE status = 'REGISTERED' AND attended)::int AS attended
        FROM "MatchEventRegistration" WHERE "eventId" = ANY(${ids}::uuid[]) GROUP BY "eventId"`,
    db.$queryRaw<{ eventId: string; intentions: number; intendedFen: bigint; signedFen: bigint; raised: number }[]>`
      SELECT "eventId"::text AS "eventId", count(*)::int AS intentions,
             coalesce(sum("intendedFen"), 0)::bigint AS "intendedFen", coalesce(sum("signedFen"), 0)::bigint AS "signedFen",
             count("requestId")::int AS raised
        FROM "MatchEventIntention" WHERE "eventId" = ANY(${ids}::uuid[]) GROUP BY "eventId"`,
  ]);
  for (const id of ids) out.set(id, { ...NO_FIGURES });
  for (const r of registrations) Object.assign(out.get(r.eventId)!, { registered: r.registered, attended: r.attended });
  for (const r of intentions)
    Object.assign(out.get(r.eventId)!, {
      intentions: r.intentions,
      intendedFen: BigInt(r.intendedFen),
      signedFen: BigInt(r.signedFen),
      raised: r.raised,
    });
  return out;
}
