/**
 * An enterprise registers for an event (报名). The seat is taken by one conditional
 * update of the event row (open, not started, a seat left): PostgreSQL's row lock makes
 * concurrent sign-ups queue on it, so the capacity holds without reading first. The
 * registration row is then inserted, or a cancelled one is taken up again.
 *
 * Refusals (AppError): forbidden (not an enterprise user) · notApproved · notFound (an
 * event the enterprise may not see) · invalidState (already registered) · eventFull ·
 * registrationClosed (started, held or cancelled).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchRegistrationStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { eventScope, registrationOpen } from "@/lib/events/rules";
import type { TRegisterForEventInput } from "@/lib/events/schemas";

export async function registerForEvent(
  db: PrismaClient,
  actor: TActorSource,
  input: TRegisterForEventInput,
  opts: { now?: Date } = {},
): Promise<{ registrationId: string }> {
  if (!canActor(actorOf(actor), "events.register")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) throw new AppError("forbidden");
  const enterprise = await db.enterprise.findUniqueOrThrow({
    where: { id: enterpriseId },
    select: { parkId: true, registrationStatus: true },
  });
  if (enterprise.registrationStatus !== RegistrationStatus.APPROVED) throw new AppError("notApproved");

  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.findFirst({
      where: { AND: [{ id: input.eventId }, eventScope(actorOf(actor), {}, enterprise.parkId)] },
      select: { id: true, status: true, startsAt: true },
    });
    if (!event) throw new AppError("notFound");
    if (!registrationOpen(event, now)) throw new AppError("registrationClosed");
    const existing = await tx.matchEventRegistration.findUnique({
      where: { eventId_enterpriseId: { eventId: event.id, enterpriseId } },
      select: { id: true, status: true },
    });
    if (existing?.status === MatchRegistrationStatus.REGISTERED) throw new AppError("invalidState");

    const taken = await tx.$executeRaw`
      UPDATE "MatchEvent" SET "registeredCount" = "registeredCount" + 1, version = version + 1
       WHERE id = ${event.id}::uuid AND status = 'OPEN' AND "startsAt" > ${now}
         AND "registeredCount" < capacity`;
    if (taken !== 1) throw new AppError("eventFull");

    const data = {
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      registeredById: actor.userId,
      status: MatchRegistrationStatus.REGISTERED,
      createdAt: now,
      cancelledAt: null,
    };
    // A cancelled row is taken up again only if it is still cancelled (a second tab may
    // have re-registered meanwhile: its unique key then refuses this one).
    const registration = existing
      ? await tx.matchEventRegistration.update({
          where: { id: existing.id, status: MatchRegistrationStatus.CANCELLED },
          data,
          select: { id: true },
        })
      : await tx.matchEventRegistration.create({ data: { ...data, eventId: event.id, enterpriseId }, select: { id: true } });
    await writeAudit(tx, {
      action: "events.register",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: event.id,
      details: { registrationId: registration.id },
    });
    return { registrationId: registration.id };
  });
}
