/**
 * USCCs added to a key-enterprise list still being filled (DRAFT), with a report row for
 * every USCC that was not added — unknown, not an approved enterprise, given twice, or
 * already on the list — so nothing from the file is dropped silently.
 *
 * Refusals (AppError): forbidden · notFound (no such list) · invalidState (handed over).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { AppError } from "@/lib/errors";
import { keyListStepAllowed } from "@/lib/key-lists/rules";
import type { TAddKeyListMembersInput } from "@/lib/key-lists/schemas";

export type TUsccRefusal = "unknown" | "notApproved" | "duplicate" | "alreadyOnList";
export type TMembersReport = { added: number; refused: { line: number; uscc: string; reason: TUsccRefusal }[] };

/** Adds the USCCs' approved enterprises to the list; shared by the list's creation. */
export async function insertMembersByUscc(tx: Prisma.TransactionClient, listId: string, usccs: readonly string[]): Promise<TMembersReport> {
  const enterprises = await tx.enterprise.findMany({
    where: { uscc: { in: [...new Set(usccs)] } },
    select: { id: true, uscc: true, registrationStatus: true },
  });
  const byUscc = new Map(enterprises.map((e) => [e.uscc, e]));
  const existing = new Set(
    (
      await tx.keyListMember.findMany({
        where: { listId, enterpriseId: { in: enterprises.map((e) => e.id) } },
        select: { enterpriseId: true },
      })
    ).map((m) => m.enterpriseId),
  );
  const refused: TMembersReport["refused"] = [];
  const seen = new Set<string>();
  const toAdd: { id: string; uscc: string }[] = [];
  usccs.forEach((uscc, i) => {
    const line = i + 1;
    const e = byUscc.get(uscc);
    if (seen.has(uscc)) refused.push({ line, uscc, reason: "duplicate" });
    else if (!e) refused.push({ line, uscc, reason: "unknown" });
    else if (e.registrationStatus !== RegistrationStatus.APPROVED) refused.push({ line, uscc, reason: "notApproved" });
    else if (existing.has(e.id)) refused.push({ line, uscc, reason: "alreadyOnList" });
    else toAdd.push({ id: e.id, uscc });
    seen.add(uscc);
  });
  if (toAdd.length > 0) {
    await tx.keyListMember.createMany({ data: toAdd.map((e) => ({ listId, enterpriseId: e.id, uscc: e.uscc })) });
  }
  return { added: toAdd.length, refused };
}

export async function addKeyListMembers(db: PrismaClient, actor: TActorSource, input: TAddKeyListMembersInput): Promise<TMembersReport> {
  if (!canActor(actorOf(actor), "keyLists.manage")) throw new AppError("forbidden");
  return db.$transaction(async (tx) => {
    const [list] = await tx.$queryRaw<{ status: KeyListStatus }[]>`
      SELECT status FROM "KeyList" WHERE id = ${input.listId}::uuid FOR UPDATE`;
    if (!list) throw new AppError("notFound");
    if (!keyListStepAllowed("addMembers", list.status)) throw new AppError("invalidState");
    const report = await insertMembersByUscc(tx, input.listId, input.usccs);
    await writeAudit(tx, {
      action: "keyLists.addMembers",
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      targetType: "KeyList",
      targetId: input.listId,
      details: { added: report.added, refused: report.refused.length },
    });
    return report;
  });
}
