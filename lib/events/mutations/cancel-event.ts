/**
 * The organiser (or the finance office) calls an event off before it is held. Its
 * registrations stay as they were, for the record; the calendar shows it cancelled.
 *
 * Refusals (AppError): forbidden · notFound · conflict (version) · invalidState (held or
 * already cancelled).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchEventStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { mayManageEvent } from "@/lib/events/rules";
import type { TCancelEventInput } from "@/lib/events/schemas";

export async function cancelEvent(
  db: PrismaClient,
  actor: TActorSource,
  input: TCancelEventInput,
  opts: { now?: Date } = {},
): Promise<{ cancelled: true }> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.findUnique({
      where: { id: input.eventId },
      select: { id: true, organiserOrgId: true, status: true, version: true },
    });
    if (!event) throw new AppError("notFound");
    if (!mayManageEvent(actorOf(actor), event)) throw new AppError("forbidden");
    if (event.status !== MatchEventStatus.OPEN) throw new AppError("invalidState");
    const done = await tx.matchEvent.updateMany({
      where: { id: event.id, version: input.version, status: MatchEventStatus.OPEN },
      data: { status: MatchEventStatus.CANCELLED, cancelledAt: now, version: { increment: 1 } },
    });
    if (done.count !== 1) throw new AppError("conflict");
    await writeAudit(tx, {
      action: "events.cancel",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: event.id,
      details: {},
    });
    return { cancelled: true };
  });
}
