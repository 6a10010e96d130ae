/**
 * The finance office moves one member to another bank (a branch that knows the
 * enterprise better, a main bank that changed). Contacts already recorded stay under the
 * bank that made them; the member's current state moves with it.
 *
 * Refusals (AppError): forbidden · notFound · invalidState (closed list) · badBank (not
 * an active bank).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus, OrgKind } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { keyListStepAllowed } from "@/lib/key-lists/rules";
import type { TReassignKeyMemberInput } from "@/lib/key-lists/schemas";

export async function reassignKeyMember(db: PrismaClient, actor: TActorSource, input: TReassignKeyMemberInput): Promise<void> {
  if (!canActor(actorOf(actor), "keyLists.manage")) throw new AppError("forbidden");
  await db.$transaction(async (tx) => {
    const [member] = await tx.$queryRaw<{ id: string; listId: string; bankOrgId: string | null; status: KeyListStatus }[]>`
      SELECT m.id, m."listId", m."bankOrgId", l.status
      FROM "KeyListMember" m JOIN "KeyList" l ON l.id = m."listId"
      WHERE m.id = ${input.memberId}::uuid FOR UPDATE OF m`;
    if (!member) throw new AppError("notFound");
    if (!keyListStepAllowed("reassign", member.status)) throw new AppError("invalidState");
    const bank = await tx.organization.findFirst({
      where: { id: input.bankOrgId, kind: OrgKind.BANK, active: true },
      select: { id: true },
    });
    if (!bank) throw new AppError("badBank");
    await tx.keyListMember.update({ where: { id: member.id }, data: { bankOrgId: bank.id } });
    await writeAudit(tx, {
      action: "keyLists.reassign",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyListMember",
      targetId: member.id,
      details: { listId: member.listId, from: member.bankOrgId, to: bank.id },
    });
  });
}
