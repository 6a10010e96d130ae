/**
 * One click: the enterprise turns a bank's intention from an event into its own financing
 * item (融资需求). It starts exactly as an item the enterprise wrote (insertRequest:
 * submitted to the park window's review queue, its review clock, the SUBMIT ledger entry)
 * with the event as its source, the intended amount in fen and the bank's term; the
 * normal workflow takes over from there (the window forwards it, and may pick that bank).
 *
 * Refusals (AppError): forbidden (not an enterprise user) · notFound (another
 * enterprise's intention, or none) · invalidState (already an item) · notApproved ·
 * noProgram.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RegistrationStatus, RequestType } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { insertRequest } from "@/lib/requests/mutations/save-request";
import { STEP_TX } from "@/lib/requests/mutations/run-step";
import type { TRaiseIntentionRequestInput } from "@/lib/events/schemas";

const TITLE_MAX = 80;

/** The item's title: the event named, or the event's own title when both do not fit. */
export function intentionTitle(eventTitle: string): string {
  const full = `活动对接：${eventTitle}`;
  return full.length <= TITLE_MAX ? full : eventTitle;
}

export async function raiseIntentionRequest(
  db: PrismaClient,
  actor: TActorSource,
  input: TRaiseIntentionRequestInput,
  opts: { now?: Date } = {},
): Promise<{ requestId: string; serial: string }> {
  if (!canActor(actorOf(actor), "events.raiseRequest")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    // Locked so two clicks raise one item.
    const [locked] = await tx.$queryRaw<{ id: string; requestId: string | null }[]>`
      SELECT id::text, "requestId"::text AS "requestId" FROM "MatchEventIntention"
       WHERE id = ${input.intentionId}::uuid AND "enterpriseId" = ${enterpriseId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("notFound");
    if (locked.requestId !== null) throw new AppError("invalidState");
    const intention = await tx.matchEventIntention.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        intendedFen: true,
        termMonths: true,
        note: true,
        bank: { select: { name: true } },
        event: { select: { id: true, title: true, startsAt: true } },
      },
    });
    const enterprise = await tx.enterprise.findUniqueOrThrow({
      where: { id: enterpriseId },
      select: { id: true, parkId: true, registrationStatus: true },
    });
    if (enterprise.registrationStatus !== RegistrationStatus.APPROVED) throw new AppError("notApproved");
    const day = shanghaiDateString(intention.event.startsAt);
    const description = [
      `${intention.bank.name}在对接活动「${intention.event.title}」（${day}）登记的融资意向。`,
      intention.note ? `银行备注：${intention.note}` : null,
    ]
      .filter(Boolean)
      .join("\n");
    const created = await insertRequest(
      tx,
      actor,
      enterprise,
      {
        type: RequestType.FINANCING,
        title: intentionTitle(intention.event.title),
        description,
        amountFen: intention.intendedFen.toString(),
        purpose: intention.event.title,
        termMonths: intention.termMonths,
        collateral: null,
        neededBy: null,
        preferredProducts: [],
        submit: true,
      },
      now,
      { sourceEventId: intention.event.id },
    );
    await tx.matchEventIntention.update({ where: { id: locked.id }, data: { requestId: created.id } });
    await writeAudit(tx, {
      action: "events.raiseRequest",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "MatchEvent",
      targetId: intention.event.id,
      details: { intentionId: locked.id, requestId: created.id, serial: created.serial },
    });
    return { requestId: created.id, serial: created.serial };
  }, STEP_TX);
}
