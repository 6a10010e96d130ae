/**
 * What the new-event form offers: the parks (the offices may hold an event in any park or
 * city-wide; a park window only in its own, so it gets none to choose) and the banks and
 * guarantee companies that may take part, active ones by name.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { EVENT_PARTICIPANT_KINDS } from "@/lib/events/mutations/create-event";

export type TEventFormOptions = {
  parks: { id: string; name: string }[];
  participants: { id: string; name: string; kind: OrgKind }[];
};

export async function getEventFormOptions(db: PrismaClient, actor: TActorSource): Promise<TEventFormOptions> {
  const [parks, participants] = await Promise.all([
    actor.orgKind === OrgKind.PARK
      ? Promise.resolve([])
      : db.park.findMany({
          where: { org: { active: true } },
          orderBy: { code: "asc" },
          select: { id: true, org: { select: { name: true } } },
        }),
    db.organization.findMany({
      where: { kind: { in: [...EVENT_PARTICIPANT_KINDS] }, active: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true },
    }),
  ]);
  return { parks: parks.map((p) => ({ id: p.id, name: p.org.name })), participants };
}
