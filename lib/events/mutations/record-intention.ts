/**
 * A participating bank records, after the event, its intention with an enterprise that
 * attended: the amount intended and the amount signed so far (fen), an optional term and
 * a note. One row per (event, bank, enterprise): recording again updates it, until the
 * enterprise has turned it into an item.
 *
 * Refusals (AppError): forbidden (not a bank user, or a bank not taking part) · notFound ·
 * invalidState (the event is not held, or the intention already became an item) ·
 * invalidInput {enterpriseId: "notAttended"}, {signedFen: "overIntended"}.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MatchEventStatus, MatchRegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import type { TRecordIntentionInput } from "@/lib/events/schemas";

export async function recordIntention(
  db: PrismaClient,
  actor: TActorSource,
  input: TRecordIntentionInput,
  opts: { now?: Date } = {},
): Promise<{ intentionId: string }> {
  if (!canActor(actorOf(actor), "events.recordIntention")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const intended = BigInt(input.intendedFen!);
  const signed = BigInt(input.signedFen ?? "0");
  if (signed > intended) throw new AppError("invalidInput", { signedFen: "overIntended" });
  return db.$transaction(async (tx) => {
    const event = await tx.matchEvent.findUnique({
      where: { id: input.eventId },
      select: { id: true, status: true, participantOrgIds: true },
    });
    if (!event) throw new AppError("notFound");
    // The bank records under its own name; it must be on the event's participant list.
    if (!event.participantOrgIds.includes(actor.orgId)) throw new AppError("forbidden");
    if (event.status !== MatchEventStatus.HELD) throw new AppError("invalidState");
    const attended = await tx.matchEventRegistration.findFirst({
      where: { eventId: event.id, enterpriseId: input.enterpriseId, status: MatchRegistrationStatus.REGISTERED, attended: true },
      select: { id: true },
    });
    if (!attended) throw new AppError("invalidInput", { enterpriseId: "notAttended" });
    const key = { eventId: event.id, bankOrgId: actor.orgId, enterpriseId: input.enterpriseId };
    const current = await tx.matchEventIntention.findUnique({
      where: { eventId_bankOrgId_enterpriseId: key },
      select: { requestId: true },
    });
    if (current?.requestId) throw new AppError("invalidState");
    const fields = { intendedFen: intended, signedFen: signed, termMonths: input.termMonths, note: input.note, recordedById: actor.userId };
    const row = await tx.matchEventIntention.upsert({
      where: { eventId_bankOrgId_enterpriseId: key },
      create: { ...key, ...fields, createdAt: now },
      update: fields,
      select: { id: true },
    });
    await writeAudit(tx, {
      action: "events.recordIntention",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: event.id,
      details: { intentionId: row.id, enterpriseId: input.enterpriseId, intendedFen: intended.toString(), signedFen: signed.toString() },
    });
    return { intentionId: row.id };
  });
}
