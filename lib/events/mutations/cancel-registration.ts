/**
 * An enterprise cancels its registration before the event starts; the seat is given back
 * in the same transaction (conditional updates on both rows, so a double click frees one).
 *
 * Refusals (AppError): forbidden · notFound (no registration of this enterprise) ·
 * registrationClosed (the event has started, been held or cancelled).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TCancelRegistrationInput } from "@/lib/events/schemas";

export async function cancelRegistration(
  db: PrismaClient,
  actor: TActorSource,
  input: TCancelRegistrationInput,
  opts: { now?: Date } = {},
): Promise<{ cancelled: true }> {
  if (!canActor(actorOf(actor), "events.register")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.findUnique({ where: { id: input.eventId }, select: { status: true, startsAt: true } });
    if (!event) throw new AppError("notFound");
    if (event.status !== "OPEN" || event.startsAt.getTime() <= now.getTime()) throw new AppError("registrationClosed");
    const freed = await tx.$executeRaw`
      UPDATE "MatchEventRegistration" SET status = 'CANCELLED', "cancelledAt" = ${now}
       WHERE "eventId" = ${input.eventId}::uuid AND "enterpriseId" = ${enterpriseId}::uuid AND status = 'REGISTERED'`;
    if (freed !== 1) throw new AppError("notFound");
    await tx.$executeRaw`
      UPDATE "MatchEvent" SET "registeredCount" = "registeredCount" - 1, version = version + 1 WHERE id = ${input.eventId}::uuid`;
    await writeAudit(tx, {
      action: "events.cancelRegistration",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: input.eventId,
      details: {},
    });
    return { cancelled: true };
  });
}
