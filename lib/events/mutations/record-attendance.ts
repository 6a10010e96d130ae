/**
 * After the event its organiser (or the finance office) records who came and closes it as
 * held: registrations ticked are attended, the others not. From then on participating
 * banks record intentions. Recorded once (a stale page gets "conflict").
 *
 * Refusals (AppError): forbidden (not the organiser) · notFound · conflict (version) ·
 * invalidState (not open, or not started yet) · invalidInput {attendedIds: "notFound"}.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchEventStatus, MatchRegistrationStatus } from "@/lib/generated/prisma/enums";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { mayManageEvent } from "@/lib/events/rules";
import type { TRecordAttendanceInput } from "@/lib/events/schemas";

export async function recordAttendance(
  db: PrismaClient,
  actor: TActorSource,
  input: TRecordAttendanceInput,
  opts: { now?: Date } = {},
): Promise<{ attended: number }> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.findUnique({
      where: { id: input.eventId },
      select: { id: true, organiserOrgId: true, status: true, startsAt: true, version: true },
    });
    if (!event) throw new AppError("notFound");
    if (!mayManageEvent(actorOf(actor), event)) throw new AppError("forbidden");
    if (event.version !== input.version) throw new AppError("conflict");
    if (event.status !== MatchEventStatus.OPEN || event.startsAt.getTime() > now.getTime()) throw new AppError("invalidState");
    const ids = [...new Set(input.attendedIds)];
    const marked = await tx.matchEventRegistration.updateMany({
      where: { id: { in: ids }, eventId: event.id, status: MatchRegistrationStatus.REGISTERED },
      data: { attended: true },
    });
    if (marked.count !== ids.length) throw new AppError("invalidInput", { attendedIds: "notFound" });
    const closed = await tx.matchEvent.updateMany({
      where: { id: event.id, version: input.version, status: MatchEventStatus.OPEN },
      data: { status: MatchEventStatus.HELD, heldAt: now, version: { increment: 1 } },
    });
    if (closed.count !== 1) throw new AppError("conflict");
    await writeAudit(tx, {
      action: "events.recordAttendance",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: event.id,
      details: { attended: ids.length },
    });
    return { attended: ids.length };
  });
}
