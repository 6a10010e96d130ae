/**
 * A bank records a contact with a member of a list handed to it: the day, the way, the
 * need found and the outcome (已对接/有需求/已授信/无需求), amounts in fen. Contacts are
 * append-only; the member's current state (outcome, day, count) is updated in the same
 * transaction — from the newest contact by day, so a late entry of an older contact does
 * not overwrite a newer state.
 *
 * Refusals (AppError): forbidden · notFound (not a member assigned to the actor's bank or
 * its branches) · invalidState (list not handed over, or closed) · invalidInput
 * { contactedOn: "future" }.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyContactOutcome, KeyListStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { keyListStepAllowed } from "@/lib/key-lists/rules";
import type { TRecordKeyContactInput } from "@/lib/key-lists/schemas";

export async function recordKeyContact(
  db: PrismaClient,
  actor: TActorSource,
  input: TRecordKeyContactInput,
  opts: { now?: Date } = {},
): Promise<{ contactId: string }> {
  if (!canActor(actorOf(actor), "keyLists.contact")) throw new AppError("forbidden");
  const now = opts.now ?? new Date();
  if (input.contactedOn > shanghaiDateString(now)) throw new AppError("invalidInput", { contactedOn: "future" });
  const covered = bankCoverage(actorOf(actor), (await loadScopeContext(db, actor)).bankOrgIds);
  if (covered.length === 0) throw new AppError("notFound");
  const day = new Date(`${input.contactedOn}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    const [member] = await tx.$queryRaw<
      { id: string; listId: string; bankOrgId: string | null; status: KeyListStatus; lastContactedOn: Date | null }[]
    >`
      SELECT m.id, m."listId", m."bankOrgId", l.status, m."lastContactedOn"
      FROM "KeyListMember" m JOIN "KeyList" l ON l.id = m."listId"
      WHERE m.id = ${input.memberId}::uuid FOR UPDATE OF m`;
    if (!member || !member.bankOrgId || !covered.includes(member.bankOrgId)) throw new AppError("notFound");
    if (!keyListStepAllowed("contact", member.status)) throw new AppError("invalidState");
    const contact = await tx.keyListContact.create({
      data: {
        listId: member.listId,
        memberId: member.id,
        bankOrgId: member.bankOrgId,
        contactedOn: day,
        way: input.way,
        outcome: input.outcome,
        need: input.need,
        needAmountFen: input.needAmountFen === null ? null : BigInt(input.needAmountFen),
        creditAmountFen: input.creditAmountFen === null ? null : BigInt(input.creditAmountFen),
        note: input.note,
        recordedById: actor.userId,
        recordedAt: now,
      },
      select: { id: true },
    });
    const newest = member.lastContactedOn === null || day.getTime() >= member.lastContactedOn.getTime();
    await tx.keyListMember.update({
      where: { id: member.id },
      data: {
        contactCount: { increment: 1 },
        ...(newest ? { lastOutcome: input.outcome as KeyContactOutcome, lastContactedOn: day } : {}),
      },
    });
    await writeAudit(tx, {
      action: "keyLists.recordContact",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyListMember",
      targetId: member.id,
      details: { listId: member.listId, contactId: contact.id, outcome: input.outcome, contactedOn: input.contactedOn },
    });
    return { contactId: contact.id };
  });
}
