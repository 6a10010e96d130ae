/**
 * The finance office, the central bank or a park window puts an event on the calendar:
 * type, title, park (a park window: always its own; the offices: a park or city-wide),
 * Beijing day and time, place and/or online, the participating banks and guarantee
 * companies, and the capacity enterprises register against.
 *
 * Refusals (AppError): forbidden (no permission, or a park user without a park) ·
 * invalidInput with fieldErrors: day "past", parkId "notFound", participantOrgIds
 * "notFound", place "required" (neither a place nor online).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchEventStatus, OrgKind } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { beijingInstant } from "@/lib/events/rules";
import type { TCreateEventInput } from "@/lib/events/schemas";

/** Organizations that take part in an event as lenders or guarantors. */
export const EVENT_PARTICIPANT_KINDS: readonly OrgKind[] = [OrgKind.BANK, OrgKind.GUARANTEE_COMPANY];

export async function createEvent(
  db: PrismaClient,
  actor: TActorSource,
  input: TCreateEventInput,
  opts: { now?: Date } = {},
): Promise<{ eventId: string }> {
  if (!canActor(actorOf(actor), "events.manage")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const startsAt = beijingInstant(input.day, input.time);
  if (startsAt.getTime() <= now.getTime()) throw new AppError("invalidInput", { day: "past" });
  if (!input.place && !input.online) throw new AppError("invalidInput", { place: "required" });

  let parkId = input.parkId;
  if (actor.orgKind === OrgKind.PARK) {
    const scope = await loadScopeContext(db, actor);
    if (!scope.parkId) throw new AppError("forbidden");
    parkId = scope.parkId;
  } else if (parkId) {
    const park = await db.park.findUnique({ where: { id: parkId }, select: { id: true } });
    if (!park) throw new AppError("invalidInput", { parkId: "notFound" });
  }

  const participantOrgIds = [...new Set(input.participantOrgIds)];
  if (participantOrgIds.length > 0) {
    const found = await db.organization.count({
      where: { id: { in: participantOrgIds }, kind: { in: [...EVENT_PARTICIPANT_KINDS] }, active: true },
    });
    if (found !== participantOrgIds.length) throw new AppError("invalidInput", { participantOrgIds: "notFound" });
  }

  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.create({
      data: {
        type: input.type,
        title: input.title,
        description: input.description,
        organiserOrgId: actor.orgId,
        parkId,
        startsAt,
        place: input.place,
        online: input.online,
        participantOrgIds,
        capacity: input.capacity,
        status: MatchEventStatus.OPEN,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "events.create",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: event.id,
      details: { type: input.type, parkId, startsAt: startsAt.toISOString(), capacity: input.capacity },
    });
    return { eventId: event.id };
  });
}
